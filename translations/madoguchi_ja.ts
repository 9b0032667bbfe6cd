<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Madoguchi</source>
        <translation>窓口について</translation>
    </message>
    <message>
        <source>Madoguchi</source>
        <translation>窓口 (Madoguchi)</translation>
    </message>
    <message>
        <source>The support desk for agents and supervisors: log calls in seconds, see a customer&apos;s whole history on one screen, work tickets against SLA clocks, and follow the team&apos;s KPIs. Works offline on a local database and syncs with your team&apos;s PostgreSQL server.</source>
        <translation>オペレーターとスーパーバイザーのためのサポートデスクです。通話を数秒で記録し、お客様の履歴をひとつの画面で確認し、SLA の期限に沿ってチケットを処理し、チームの KPI を追跡できます。ローカルのデータベースでオフラインでも動作し、チームの PostgreSQL サーバーと同期します。</translation>
    </message>
</context>
<context>
    <name>AgentDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>よみがな(&amp;R):</translation>
    </message>
    <message>
        <source>How the name is read, in kana (for sorting)</source>
        <translation>名前の読み方をかなで(並べ替えに使います)</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>メール(&amp;E):</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>役割(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>チーム(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>ログイン名(&amp;L):</translation>
    </message>
    <message>
        <source>The name they sign in to the team server with</source>
        <translation>チームサーバーにサインインするときの名前</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>making a backup</source>
        <translation>バックアップの作成</translation>
    </message>
    <message>
        <source>restoring the backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message>
        <source>The backup just written could not be read back.</source>
        <translation>書き込んだばかりのバックアップを読み返せませんでした。</translation>
    </message>
    <message>
        <source>The backup folder %1 could not be created.</source>
        <translation>バックアップフォルダー %1 を作成できませんでした。</translation>
    </message>
    <message>
        <source>The backup could not be named %1.</source>
        <translation>バックアップに %1 という名前を付けられませんでした。</translation>
    </message>
    <message>
        <source>%1 is not a Madoguchi backup, or it is damaged.</source>
        <translation>%1 は Madoguchi のバックアップではないか、破損しています。</translation>
    </message>
    <message>
        <source>A change waiting to be sent names an unknown table.</source>
        <translation>送信待ちの変更が不明なテーブルを指しています。</translation>
    </message>
    <message>
        <source>The backup could not be copied.</source>
        <translation>バックアップをコピーできませんでした。</translation>
    </message>
    <message>
        <source>The backup is damaged too; choose an older one.</source>
        <translation>このバックアップも破損しています。より古いものを選んでください。</translation>
    </message>
    <message>
        <source>The database is open in Madoguchi or another program. Close it there first.</source>
        <translation>データベースが Madoguchi または別のプログラムで開かれています。先にそちらで閉じてください。</translation>
    </message>
    <message>
        <source>The database could not be kept aside; it was not replaced.</source>
        <translation>データベースを退避できなかったため、置き換えませんでした。</translation>
    </message>
    <message>
        <source>The changes waiting to be sent refer to rows that neither the backup nor the current file holds; the database was not replaced.</source>
        <translation>送信待ちの変更が、バックアップにも現在のファイルにもない行を参照しています。データベースは置き換えていません。</translation>
    </message>
    <message>
        <source>There is not enough free disk space for a backup (%1 MB needed).</source>
        <translation>バックアップに必要な空き容量がディスクにありません（%1 MB 必要です）。</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>Madoguchi keeps a copy of this database every day and before every upgrade, for a week. Restoring one replaces the database; changes not yet sent to the team server are carried over, and the replaced file is kept.</source>
        <translation>Madoguchi はこのデータベースのコピーを毎日とアップグレードの前に作成し、1 週間保管します。復元するとデータベースが置き換わります。チームサーバーへ未送信の変更は引き継がれ、置き換えられたファイルも保管されます。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore This Backup</source>
        <translation>このバックアップを復元(&amp;R)</translation>
    </message>
</context>
<context>
    <name>BreachWatch</name>
    <message>
        <source>checking the SLA clocks</source>
        <translation>SLA の期限の確認</translation>
    </message>
</context>
<context>
    <name>CannedResponses</name>
    <message>
        <source>A canned response can set Open, Pending, On hold or Solved.</source>
        <translation>定型文で設定できるステータスは「対応中」「お客様の返答待ち」「保留(外部待ち)」「解決済み」です。</translation>
    </message>
    <message>
        <source>A canned response needs text or a change to make.</source>
        <translation>定型文には本文か、チケットへの変更のどちらかが必要です。</translation>
    </message>
    <message>
        <source>reading the canned responses</source>
        <translation>定型文の読み込み</translation>
    </message>
</context>
<context>
    <name>CannedResponsesDialog</name>
    <message>
        <source>Canned Responses</source>
        <translation>定型文</translation>
    </message>
    <message>
        <source>Canned responses</source>
        <translation>定型文</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>Shared &amp;with:</source>
        <translation>共有先(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>本文(&amp;T):</translation>
    </message>
    <message>
        <source>{customer}, {agent} and {ticket} are replaced by the customer&apos;s name, your name and the ticket number.</source>
        <translation>{customer}、{agent}、{ticket} は、それぞれ顧客名、あなたの名前、チケット番号に置き換わります。</translation>
    </message>
    <message>
        <source>Set &amp;status:</source>
        <translation>ステータスを変更(&amp;S):</translation>
    </message>
    <message>
        <source>Set &amp;priority:</source>
        <translation>優先度を変更(&amp;P):</translation>
    </message>
    <message>
        <source>Add ta&amp;gs:</source>
        <translation>タグを追加(&amp;G):</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>カンマ区切り</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Billing</source>
        <translation>請求・支払い</translation>
    </message>
    <message>
        <source>Sign-in and access</source>
        <translation>ログイン・アクセス</translation>
    </message>
    <message>
        <source>Shipping and delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <source>Product defect</source>
        <translation>製品の不具合</translation>
    </message>
    <message>
        <source>How-to question</source>
        <translation>使い方の質問</translation>
    </message>
    <message>
        <source>Account change</source>
        <translation>契約・登録内容の変更</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>解約</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>苦情</translation>
    </message>
    <message>
        <source>Feature request</source>
        <translation>機能の要望</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>CategoryRepository</name>
    <message>
        <source>reading the categories</source>
        <translation>分類の読み込み</translation>
    </message>
    <message>
        <source>A category name has 1 to 100 characters.</source>
        <translation>分類名は 1〜100 文字で入力してください。</translation>
    </message>
    <message>
        <source>There is already a category “%1”.</source>
        <translation>分類「%1」はすでにあります。</translation>
    </message>
    <message>
        <source>There is no category %1.</source>
        <translation>分類 %1 は存在しません。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Database file (default: %1).</source>
        <translation>データベースファイル(既定: %1)。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>機械可読な JSON で出力します。</translation>
    </message>
    <message>
        <source>Show help for the command.</source>
        <translation>コマンドのヘルプを表示します。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>想定外の引数です: %1</translation>
    </message>
    <message>
        <source>--%1 expects a whole number of zero or more, not &quot;%2&quot;.</source>
        <translation>--%1 には 0 以上の整数を指定してください(「%2」は使えません)。</translation>
    </message>
    <message>
        <source>Random seed (same seed, same data).</source>
        <translation>乱数のシード(同じシードなら同じデータになります)。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>数</translation>
    </message>
    <message>
        <source>Number of customers.</source>
        <translation>顧客数。</translation>
    </message>
    <message>
        <source>Number of tickets.</source>
        <translation>チケット数。</translation>
    </message>
    <message>
        <source>Number of interactions.</source>
        <translation>対応履歴の件数。</translation>
    </message>
    <message>
        <source>Last day covered is the day before this date (default: today).</source>
        <translation>この日付の前日までのデータを作成します(既定: 今日)。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Number of days the data covers.</source>
        <translation>データの対象日数。</translation>
    </message>
    <message>
        <source>--days must be between 1 and 3660.</source>
        <translation>--days は 1 から 3660 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>--customers must be at least 1.</source>
        <translation>--customers は 1 以上を指定してください。</translation>
    </message>
    <message>
        <source>--anchor expects a date like 2026-04-01, not &quot;%1&quot;.</source>
        <translation>--anchor には 2026-04-01 のような日付を指定してください(「%1」は使えません)。</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <source>Demo data written to %1 in %2 s:</source>
        <translation>デモデータを %1 に書き込みました(%2 秒):</translation>
    </message>
    <message>
        <source>  %1 customers, %2 tickets, %3 interactions, %4 survey responses, %5 agents in %6 teams</source>
        <translation>  顧客 %1 件、チケット %2 件、対応履歴 %3 件、アンケート回答 %4 件、%6 チームのオペレーター %5 名</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>データベース: %1</translation>
    </message>
    <message>
        <source>Schema version: %1 (this version knows up to %2)</source>
        <translation>スキーマのバージョン: %1(このバージョンは %2 まで対応)</translation>
    </message>
    <message>
        <source>Integrity: %1</source>
        <translation>整合性: %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <source>Foreign key problems: %1</source>
        <translation>外部キーの不整合: %1</translation>
    </message>
    <message>
        <source>Changes waiting to sync: %1</source>
        <translation>同期待ちの変更: %1</translation>
    </message>
    <message>
        <source>The database is damaged: %1</source>
        <translation>データベースが破損しています: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n foreign key problem(s)</source>
        <translation>
            <numerusform>外部キーの不整合 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>コマンドが指定されていません。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run madoguchi-cli --help for the list of commands.</source>
        <translation>「%1」というコマンドはありません。コマンドの一覧は madoguchi-cli --help で表示できます。</translation>
    </message>
    <message>
        <source>Most results to show.</source>
        <translation>表示する最大件数。</translation>
    </message>
    <message>
        <source>Name, reading, company, e-mail or phone number.</source>
        <translation>名前、フリガナ、会社名、メールアドレスまたは電話番号。</translation>
    </message>
    <message>
        <source>search needs exactly one text to look for (quote it if it has spaces).</source>
        <translation>search には検索する文字列を 1 つだけ指定してください(空白を含む場合は引用符で囲んでください)。</translation>
    </message>
    <message>
        <source>--limit must be between 1 and 1000.</source>
        <translation>--limit は 1 から 1000 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>No customers found.</source>
        <translation>該当する顧客はいません。</translation>
    </message>
    <message>
        <source>The customer&apos;s name.</source>
        <translation>顧客の名前。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>The reading of the name in kana.</source>
        <translation>名前のフリガナ(かな)。</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>A phone number (repeat for more).</source>
        <translation>電話番号(複数指定可)。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>An e-mail address (repeat for more).</source>
        <translation>メールアドレス(複数指定可)。</translation>
    </message>
    <message>
        <source>address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>The company; created when it does not exist yet.</source>
        <translation>会社名。まだ登録されていなければ作成します。</translation>
    </message>
    <message>
        <source>customer add needs --name.</source>
        <translation>customer add には --name が必要です。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>customer show needs the customer&apos;s id, phone number or e-mail address.</source>
        <translation>customer show には顧客の ID、電話番号またはメールアドレスを指定してください。</translation>
    </message>
    <message>
        <source>%1 is neither a customer id, a phone number nor an e-mail address: %2</source>
        <translation>%1 は顧客 ID、電話番号、メールアドレスのいずれでもありません: %2</translation>
    </message>
    <message>
        <source>No customer has %1.</source>
        <translation>%1 の顧客はいません。</translation>
    </message>
    <message>
        <source>%1 customers share %2; show one by id: %3</source>
        <translation>%2 の顧客が %1 人います。ID で 1 人を指定してください: %3</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>--%1 must be one of: %2.</source>
        <translation>--%1 には次のいずれかを指定してください: %2。</translation>
    </message>
    <message>
        <source>customer needs add or show.</source>
        <translation>customer には add か show を指定してください。</translation>
    </message>
    <message>
        <source>The customer&apos;s phone number, in any form.</source>
        <translation>顧客の電話番号(書き方は自由)。</translation>
    </message>
    <message>
        <source>The customer&apos;s id.</source>
        <translation>顧客の ID。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>phone, email, chat, social, visit or web.</source>
        <translation>phone、email、chat、social、visit、web のいずれか。</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>inbound or outbound.</source>
        <translation>inbound(受信)か outbound(発信)。</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Length in seconds.</source>
        <translation>長さ(秒)。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>resolved, follow_up, escalated, no_answer, voicemail or callback_scheduled.</source>
        <translation>resolved、follow_up、escalated、no_answer、voicemail、callback_scheduled のいずれか。</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>What was said or done.</source>
        <translation>対応の内容。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>The ticket it belongs to.</source>
        <translation>関連するチケット。</translation>
    </message>
    <message>
        <source>log-interaction needs either --phone or --customer.</source>
        <translation>log-interaction には --phone か --customer のどちらかが必要です。</translation>
    </message>
    <message>
        <source>log-interaction needs --channel and --direction.</source>
        <translation>log-interaction には --channel と --direction が必要です。</translation>
    </message>
    <message>
        <source>--%1 expects a time like 2026-04-01T10:30:00+09:00, not &quot;%2&quot;.</source>
        <translation>--%1 には 2026-04-01T10:30:00+09:00 のような日時を指定してください(「%2」は使えません)。</translation>
    </message>
    <message>
        <source>--customer expects a customer id.</source>
        <translation>--customer には顧客 ID を指定してください。</translation>
    </message>
    <message>
        <source>No customer has the number %1; add them first with: customer add --name … --phone %2</source>
        <translation>番号 %1 の顧客はいません。先に登録してください: customer add --name … --phone %2</translation>
    </message>
    <message>
        <source>%1 customers share the number %2; use --customer with an id.</source>
        <translation>番号 %2 の顧客が %1 人います。--customer で ID を指定してください。</translation>
    </message>
    <message>
        <source>What the ticket is about.</source>
        <translation>チケットの件名。</translation>
    </message>
    <message>
        <source>The details.</source>
        <translation>詳しい内容。</translation>
    </message>
    <message>
        <source>low, normal, high or urgent.</source>
        <translation>low、normal、high、urgent のいずれか。</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>The category key.</source>
        <translation>分類のキー。</translation>
    </message>
    <message>
        <source>key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>How the customer got in touch.</source>
        <translation>お客様からの連絡手段。</translation>
    </message>
    <message>
        <source>The agent&apos;s name.</source>
        <translation>オペレーターの名前。</translation>
    </message>
    <message>
        <source>ticket create needs --customer and --subject.</source>
        <translation>ticket create には --customer と --subject が必要です。</translation>
    </message>
    <message>
        <source>--customer expects a customer id, not &quot;%1&quot;.</source>
        <translation>--customer には顧客 ID を指定してください(「%1」は使えません)。</translation>
    </message>
    <message>
        <source>There is no customer %1.</source>
        <translation>顧客 %1 は存在しません。</translation>
    </message>
    <message>
        <source>new, open, pending, on_hold, solved or closed.</source>
        <translation>new、open、pending、on_hold、solved、closed のいずれか。</translation>
    </message>
    <message>
        <source>status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>The agent&apos;s name; empty to unassign.</source>
        <translation>オペレーターの名前。空にすると担当を外します。</translation>
    </message>
    <message>
        <source>Escalation level 0–3.</source>
        <translation>エスカレーションのレベル(0〜3)。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>レベル</translation>
    </message>
    <message>
        <source>Why it is escalated.</source>
        <translation>エスカレーションの理由。</translation>
    </message>
    <message>
        <source>A tag to add (repeat for more).</source>
        <translation>追加するタグ(複数指定できます)。</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>ticket update needs the ticket&apos;s number.</source>
        <translation>ticket update にはチケット番号が必要です。</translation>
    </message>
    <message>
        <source>--escalate expects a level from 0 to 3.</source>
        <translation>--escalate には 0 から 3 のレベルを指定してください。</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2、%3</translation>
    </message>
    <message>
        <source>ticket show needs the ticket&apos;s number.</source>
        <translation>ticket show にはチケット番号が必要です。</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顧客:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>ステータス:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>優先度:</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>担当者:</translation>
    </message>
    <message>
        <source>Escalation:</source>
        <translation>エスカレーション:</translation>
    </message>
    <message>
        <source>SLA:</source>
        <translation>SLA:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>履歴:</translation>
    </message>
    <message>
        <source>Use ticket create, ticket update or ticket show.</source>
        <translation>ticket create、ticket update、ticket show のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>First day of the period.</source>
        <translation>期間の初日。</translation>
    </message>
    <message>
        <source>The day after the period (the period is [from, to)).</source>
        <translation>期間の翌日(期間は [from, to) です)。</translation>
    </message>
    <message>
        <source>Only this team.</source>
        <translation>このチームだけ。</translation>
    </message>
    <message>
        <source>Only this agent.</source>
        <translation>このオペレーターだけ。</translation>
    </message>
    <message>
        <source>kpi needs --from and --to as dates like 2026-11-01.</source>
        <translation>kpi には 2026-11-01 のような日付で --from と --to を指定してください。</translation>
    </message>
    <message>
        <source>--to must be after --from: the period is [from, to).</source>
        <translation>--to は --from より後の日付にしてください(期間は [from, to) です)。</translation>
    </message>
    <message>
        <source>There is no team called &quot;%1&quot;.</source>
        <translation>「%1」というチームはありません。</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <source>Tickets created / solved:</source>
        <translation>作成 / 解決したチケット:</translation>
    </message>
    <message>
        <source>Backlog at the end:</source>
        <translation>期間末の未解決:</translation>
    </message>
    <message>
        <source>First response, median / p90 (min):</source>
        <translation>初回応答 中央値 / p90(分):</translation>
    </message>
    <message>
        <source>Resolution, median / p90 (min):</source>
        <translation>解決 中央値 / p90(分):</translation>
    </message>
    <message>
        <source>AHT (s):</source>
        <translation>平均処理時間(秒):</translation>
    </message>
    <message>
        <source>FCR:</source>
        <translation>一次解決率:</translation>
    </message>
    <message>
        <source>CSAT:</source>
        <translation>顧客満足度:</translation>
    </message>
    <message>
        <source>NPS:</source>
        <translation>NPS:</translation>
    </message>
    <message>
        <source>SLA first response / resolution:</source>
        <translation>SLA 達成率 初回応答 / 解決:</translation>
    </message>
    <message>
        <source>The server&apos;s host name (or PGHOST).</source>
        <translation>サーバーのホスト名(または PGHOST)。</translation>
    </message>
    <message>
        <source>The server&apos;s port (or PGPORT; default 5432).</source>
        <translation>サーバーのポート(または PGPORT。既定は 5432)。</translation>
    </message>
    <message>
        <source>The database (or PGDATABASE).</source>
        <translation>データベース(または PGDATABASE)。</translation>
    </message>
    <message>
        <source>The user to log in as (or PGUSER).</source>
        <translation>ログインするユーザー(または PGUSER)。</translation>
    </message>
    <message>
        <source>TLS: verify-full (default), verify-ca, require or disable.</source>
        <translation>TLS: verify-full(既定)、verify-ca、require、disable のいずれか。</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <source>The CA certificate file that signed the server&apos;s certificate.</source>
        <translation>サーバー証明書に署名した CA 証明書のファイル。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Say which server: --host, --dbname and --user (or PGHOST, PGDATABASE, PGUSER).</source>
        <translation>接続先のサーバーを --host、--dbname、--user(または PGHOST、PGDATABASE、PGUSER)で指定してください。</translation>
    </message>
    <message>
        <source>--sslmode must be one of: %1.</source>
        <translation>--sslmode には次のいずれかを指定してください: %1。</translation>
    </message>
    <message>
        <source>Warning: with --sslmode %1 the server&apos;s identity is not fully checked.</source>
        <translation>警告: --sslmode %1 では、サーバーが本物かどうかを完全には確認しません。</translation>
    </message>
    <message>
        <source>The server&apos;s schema is up to date (version %1).</source>
        <translation>サーバーのスキーマは最新です(バージョン %1)。</translation>
    </message>
    <message>
        <source>The server&apos;s schema is now version %1 (was %2).</source>
        <translation>サーバーのスキーマをバージョン %1 にしました(以前は %2)。</translation>
    </message>
    <message>
        <source>agent, lead, supervisor or admin.</source>
        <translation>agent、lead、supervisor、admin のいずれか。</translation>
    </message>
    <message>
        <source>role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>The agent&apos;s team (created when missing).</source>
        <translation>オペレーターのチーム(なければ作成します)。</translation>
    </message>
    <message>
        <source>The name shown to colleagues.</source>
        <translation>同僚に表示される名前。</translation>
    </message>
    <message>
        <source>Read the new agent&apos;s password from standard input (otherwise one is made and printed once).</source>
        <translation>新しいオペレーターのパスワードを標準入力から読み込みます(指定しない場合は作成して一度だけ表示します)。</translation>
    </message>
    <message>
        <source>server add-agent needs the agent&apos;s login name.</source>
        <translation>server add-agent にはオペレーターのログイン名を指定してください。</translation>
    </message>
    <message>
        <source>Agent %1 can now log in as %2 (role: %3).</source>
        <translation>%1 さんが %2 としてログインできるようになりました(ロール: %3)。</translation>
    </message>
    <message>
        <source>Password (shown once; give it to the agent): %1</source>
        <translation>パスワード(表示はこの一度だけです。オペレーターに渡してください): %1</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>変更を %n 件送信</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 merged, %2 with a conflict, %3 refused)</source>
        <translation>(統合 %1 件、競合 %2 件、拒否 %3 件)</translation>
    </message>
    <message numerus="yes">
        <source>; received %n row(s)</source>
        <translation>
            <numerusform>、%n 行を受信</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; removed %n no longer shared</source>
        <translation>
            <numerusform>、共有されなくなった %n 行を削除</numerusform>
        </translation>
    </message>
    <message>
        <source>; the local copy was reloaded</source>
        <translation>、ローカルのコピーを読み込み直しました</translation>
    </message>
    <message numerus="yes">
        <source>; %n change(s) waiting.</source>
        <translation>
            <numerusform>、送信待ちの変更 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync once and exit (otherwise keep syncing until stopped).</source>
        <translation>1 回同期して終了します(指定しない場合は停止するまで同期を続けます)。</translation>
    </message>
    <message>
        <source>No password: set PGPASSWORD, or save the password in the app&apos;s server settings (kept in the system keychain).</source>
        <translation>パスワードがありません。PGPASSWORD を設定するか、アプリのサーバー設定でパスワードを保存してください(システムのキーチェーンに保管されます)。</translation>
    </message>
    <message>
        <source>Keep this many days of changes (default 120; run daily).</source>
        <translation>この日数分の変更履歴を残します(既定は 120。毎日実行してください)。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n change record(s) older than %1 days.</source>
        <translation>
            <numerusform>%1 日より古い変更履歴を %n 件削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>List the backups, newest first.</source>
        <translation>バックアップを新しい順に一覧表示します。</translation>
    </message>
    <message>
        <source>Where to write the copy (default: the backup folder).</source>
        <translation>コピーの書き込み先(既定: バックアップフォルダー)。</translation>
    </message>
    <message>
        <source>backup takes at most one file.</source>
        <translation>backup に指定できるファイルは 1 つまでです。</translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file.</source>
        <translation>%1 はすでに存在します。新しいファイルを指定してください。</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>%1 にバックアップしました</translation>
    </message>
    <message>
        <source>Restore the newest backup.</source>
        <translation>最新のバックアップを復元します。</translation>
    </message>
    <message>
        <source>The backup to restore.</source>
        <translation>復元するバックアップ。</translation>
    </message>
    <message>
        <source>There is no backup of %1.</source>
        <translation>%1 のバックアップはありません。</translation>
    </message>
    <message>
        <source>restore needs the backup file, or --newest.</source>
        <translation>restore にはバックアップファイルか --newest を指定してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the team server were made after this backup; they are carried over.</source>
        <translation>
            <numerusform>このバックアップの後に、チームサーバーへ未送信の変更が %n 件あります。これらは引き継がれます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restored %1. The file it replaced is kept as %2.</source>
        <translation>%1 を復元しました。置き換えられたファイルは %2 として保管されています。</translation>
    </message>
    <message>
        <source>--days must be at least 1.</source>
        <translation>--days には 1 以上を指定してください。</translation>
    </message>
    <message>
        <source>The changes not yet sent could not be read from the damaged file; they were not carried over and stay in the file kept aside.</source>
        <translation>破損したファイルから未送信の変更を読み取れなかったため、引き継いでいません。変更は保管したファイルに残っています。</translation>
    </message>
    <message>
        <source>Print the version</source>
        <translation>バージョンを表示します</translation>
    </message>
    <message>
        <source>Show this help; COMMAND --help shows a command&apos;s options</source>
        <translation>このヘルプを表示します。COMMAND --help でコマンドのオプションを表示します</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>使い方: %1</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>オプション:</translation>
    </message>
    <message>
        <source>Fill a new database with a realistic demo data set</source>
        <translation>新しいデータベースに実際に近いデモデータを入れます</translation>
    </message>
    <message>
        <source>Check the integrity and schema version of a database</source>
        <translation>データベースの整合性とスキーマのバージョンを確認します</translation>
    </message>
    <message>
        <source>Find customers by name, reading, company, e-mail or phone</source>
        <translation>氏名・読み・会社・メール・電話番号で顧客を検索します</translation>
    </message>
    <message>
        <source>Make a consistent copy; without FILE, into the backup folder beside the database</source>
        <translation>整合性のあるコピーを作成します。FILE を省くとデータベースの隣のバックアップフォルダーに作成します</translation>
    </message>
    <message>
        <source>Replace the database with FILE or the newest backup; changes not yet sent are carried over</source>
        <translation>データベースを FILE または最新のバックアップで置き換えます。未送信の変更は引き継がれます</translation>
    </message>
    <message>
        <source>%1 is already the number of %2; leave out --name, --kana and --email to log the call for them.</source>
        <translation>%1 はすでに %2 の番号です。この顧客の対応として記録するには --name、--kana、--email を外してください。</translation>
    </message>
    <message>
        <source>The customer&apos;s id, phone number or e-mail address.</source>
        <translation>顧客の ID、電話番号またはメールアドレス。</translation>
    </message>
    <message>
        <source>An unknown caller&apos;s name: they are added with the call (with --phone).</source>
        <translation>未登録の発信者の氏名。対応と一緒に顧客として登録されます(--phone と併用)。</translation>
    </message>
    <message>
        <source>The unknown caller&apos;s e-mail address.</source>
        <translation>未登録の発信者のメールアドレス。</translation>
    </message>
    <message>
        <source>--name, --kana and --email add an unknown caller: use them with --phone.</source>
        <translation>--name、--kana、--email は未登録の発信者を登録するためのものです。--phone と一緒に指定してください。</translation>
    </message>
    <message>
        <source>Add a customer</source>
        <translation>顧客を追加します</translation>
    </message>
    <message>
        <source>Show a customer (by id, phone number or e-mail address) and their recent interactions</source>
        <translation>顧客(ID・電話番号・メールアドレスで指定)と最近の対応履歴を表示します</translation>
    </message>
    <message>
        <source>Log a call or message with a customer (for telephony hooks and scripts)</source>
        <translation>顧客との通話やメッセージを記録します(電話システム連携やスクリプト用)</translation>
    </message>
    <message>
        <source>The KPIs of a period, as the dashboard shows them</source>
        <translation>期間の KPI をダッシュボードと同じ定義で表示します</translation>
    </message>
    <message>
        <source>The agent&apos;s login name.</source>
        <translation>担当者のログイン名。</translation>
    </message>
    <message>
        <source>Install or upgrade the team server&apos;s schema (the server&apos;s password from PGPASSWORD)</source>
        <translation>チームサーバーのスキーマをインストールまたは更新します(サーバーのパスワードは PGPASSWORD から)</translation>
    </message>
    <message>
        <source>Give an agent a login on the team server (the server&apos;s password from PGPASSWORD)</source>
        <translation>担当者にチームサーバーのログインを作成します(サーバーのパスワードは PGPASSWORD から)</translation>
    </message>
    <message>
        <source>Remove old changes from the team server, run daily (the server&apos;s password from PGPASSWORD)</source>
        <translation>チームサーバーから古い変更記録を削除します。毎日実行します(サーバーのパスワードは PGPASSWORD から)</translation>
    </message>
    <message>
        <source>Exchange changes with the team server (PGPASSWORD or the keychain; with --json, JSON Lines)</source>
        <translation>チームサーバーと変更をやり取りします(PGPASSWORD またはキーチェーン。--json では JSON Lines)</translation>
    </message>
    <message>
        <source>The ticket&apos;s number.</source>
        <translation>チケット番号。</translation>
    </message>
    <message>
        <source>Open a ticket for a customer</source>
        <translation>顧客のチケットを作成します</translation>
    </message>
    <message>
        <source>Change a ticket&apos;s status, priority, assignee, escalation or tags</source>
        <translation>チケットのステータス・優先度・担当者・エスカレーション・タグを変更します</translation>
    </message>
    <message>
        <source>Show a ticket, its SLA and its history</source>
        <translation>チケットとその SLA、履歴を表示します</translation>
    </message>
    <message>
        <source>Use agent list, agent add, agent edit, agent deactivate or agent reactivate.</source>
        <translation>agent list、agent add、agent edit、agent deactivate、agent reactivate のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Use team list, team add or team edit.</source>
        <translation>team list、team add、team edit のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>%1 Create one with &quot;madoguchi-cli init&quot; (a new, empty database for your team) or &quot;madoguchi-cli demo&quot; (demo data to try the app).</source>
        <translation>%1「madoguchi-cli init」(チーム用の新しい空のデータベース)または「madoguchi-cli demo」(試用のデモデータ)で作成してください。</translation>
    </message>
    <message>
        <source>The agent&apos;s e-mail address.</source>
        <translation>オペレーターのメールアドレス。</translation>
    </message>
    <message>
        <source>The agent&apos;s team (&quot;&quot; for none).</source>
        <translation>オペレーターのチーム(なしは &quot;&quot;)。</translation>
    </message>
    <message>
        <source>no team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>You: the first person of the team.</source>
        <translation>あなた: チームの最初のメンバー。</translation>
    </message>
    <message>
        <source>The reading of your name in kana.</source>
        <translation>あなたの名前のフリガナ(かな)。</translation>
    </message>
    <message>
        <source>Your e-mail address.</source>
        <translation>あなたのメールアドレス。</translation>
    </message>
    <message>
        <source>Your role: agent, lead, supervisor or admin.</source>
        <translation>あなたの役割: agent、lead、supervisor、admin のいずれか。</translation>
    </message>
    <message>
        <source>Your team, working Monday to Friday 9:00-18:00 in Tokyo with Japanese holidays.</source>
        <translation>あなたのチーム。営業時間は月〜金 9:00〜18:00(東京、日本の祝日は休み)。</translation>
    </message>
    <message>
        <source>--kana, --email, --role and --team describe the first person: give --agent too.</source>
        <translation>--kana、--email、--role、--team は最初のメンバーの情報です。--agent も指定してください。</translation>
    </message>
    <message>
        <source>%1 is already in use; init only prepares a new, empty database. Nothing was changed.</source>
        <translation>%1 はすでに使われています。init は新しい空のデータベースだけを準備します。何も変更していません。</translation>
    </message>
    <message>
        <source>Created an empty database at %1. Add its first person with &quot;madoguchi-cli agent add&quot; or in the app.</source>
        <translation>空のデータベースを %1 に作成しました。最初のメンバーを「madoguchi-cli agent add」またはアプリで追加してください。</translation>
    </message>
    <message>
        <source>Created %1; %2 is signed in on it.</source>
        <translation>%1 を作成しました。%2 としてサインインしています。</translation>
    </message>
    <message>
        <source>The agent&apos;s name as listed by agent list.</source>
        <translation>agent list に表示されるオペレーターの名前。</translation>
    </message>
    <message>
        <source>A new name.</source>
        <translation>新しい名前。</translation>
    </message>
    <message>
        <source>Name one agent (in quotes if the name has spaces).</source>
        <translation>オペレーターを 1 人指定してください(名前に空白があれば引用符で囲みます)。</translation>
    </message>
    <message>
        <source>No agents yet. Add one with &quot;madoguchi-cli agent add --name NAME&quot;.</source>
        <translation>オペレーターはまだいません。「madoguchi-cli agent add --name 名前」で追加してください。</translation>
    </message>
    <message>
        <source>(deactivated)</source>
        <translation>(無効)</translation>
    </message>
    <message>
        <source>agent add needs --name.</source>
        <translation>agent add には --name が必要です。</translation>
    </message>
    <message>
        <source>Added %1 (%2, %3).</source>
        <translation>%1 を追加しました(%2、%3)。</translation>
    </message>
    <message>
        <source>Saved %1 (%2, %3).</source>
        <translation>%1 を保存しました(%2、%3)。</translation>
    </message>
    <message>
        <source>%1 is deactivated: they can no longer sign in or take tickets; their name stays in the history.</source>
        <translation>%1 を無効にしました。サインインもチケットの担当もできなくなります。名前は履歴に残ります。</translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) to hand to someone else (ticket update NUMBER --assignee NAME):</source>
        <translation>
            <numerusform>他の人に引き継ぐ未完了のチケットが %n 件あります(ticket update 番号 --assignee 名前):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is active again (%2, %3).</source>
        <translation>%1 を再び有効にしました(%2、%3)。</translation>
    </message>
    <message>
        <source>The team&apos;s name as listed by team list.</source>
        <translation>team list に表示されるチームの名前。</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>The team&apos;s time zone, e.g. Asia/Tokyo (the default).</source>
        <translation>チームのタイムゾーン。例: Asia/Tokyo(既定)。</translation>
    </message>
    <message>
        <source>The agent who leads the team (&quot;&quot; for none).</source>
        <translation>チームのリーダー(なしは &quot;&quot;)。</translation>
    </message>
    <message>
        <source>The team&apos;s name.</source>
        <translation>チームの名前。</translation>
    </message>
    <message>
        <source>No teams yet. Add one with &quot;madoguchi-cli team add --name NAME&quot;.</source>
        <translation>チームはまだありません。「madoguchi-cli team add --name 名前」で追加してください。</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %n member(s), lead: %3</source>
        <translation>
            <numerusform>%1  %2  メンバー %n 人、リーダー: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>team add needs --name.</source>
        <translation>team add には --name が必要です。</translation>
    </message>
    <message>
        <source>Added the team %1.</source>
        <translation>チーム %1 を追加しました。</translation>
    </message>
    <message>
        <source>Name one team (in quotes if the name has spaces).</source>
        <translation>チームを 1 つ指定してください(名前に空白があれば引用符で囲みます)。</translation>
    </message>
    <message>
        <source>Saved the team %1.</source>
        <translation>チーム %1 を保存しました。</translation>
    </message>
    <message>
        <source>Create a new, empty database for a real team (optionally with its first person)</source>
        <translation>実際のチーム用に新しい空のデータベースを作成します(最初のメンバーも登録できます)</translation>
    </message>
    <message>
        <source>List the agents, the deactivated ones too</source>
        <translation>オペレーターを一覧表示します(無効のメンバーも含む)</translation>
    </message>
    <message>
        <source>Add an agent</source>
        <translation>オペレーターを追加します</translation>
    </message>
    <message>
        <source>Change an agent&apos;s name, reading, e-mail, role or team</source>
        <translation>オペレーターの名前・フリガナ・メール・役割・チームを変更します</translation>
    </message>
    <message>
        <source>Deactivate an agent (their name stays in the history)</source>
        <translation>オペレーターを無効にします(名前は履歴に残ります)</translation>
    </message>
    <message>
        <source>Make a deactivated agent active again</source>
        <translation>無効にしたオペレーターを再び有効にします</translation>
    </message>
    <message>
        <source>List the teams with their time zone and lead</source>
        <translation>チームをタイムゾーンとリーダー付きで一覧表示します</translation>
    </message>
    <message>
        <source>Add a team</source>
        <translation>チームを追加します</translation>
    </message>
    <message>
        <source>Rename a team or change its time zone or lead</source>
        <translation>チームの名前・タイムゾーン・リーダーを変更します</translation>
    </message>
    <message>
        <source>Use server init, add-agent, edit-agent, deactivate-agent, reactivate-agent, reset-password, add-team, edit-team or retain.</source>
        <translation>server の後に init、add-agent、edit-agent、deactivate-agent、reactivate-agent、reset-password、add-team、edit-team、retain のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Read the new password from standard input (otherwise one is made and printed once).</source>
        <translation>新しいパスワードを標準入力から読み込みます(指定しなければ作成して 1 回だけ表示します)。</translation>
    </message>
    <message>
        <source>A new name (team edit only).</source>
        <translation>新しい名前(edit-team のみ)。</translation>
    </message>
    <message>
        <source>The team&apos;s time zone, e.g. Asia/Tokyo.</source>
        <translation>チームのタイムゾーン。例: Asia/Tokyo。</translation>
    </message>
    <message>
        <source>login</source>
        <translation>ログイン名</translation>
    </message>
    <message>
        <source>The login of the team&apos;s lead (&quot;&quot; for none).</source>
        <translation>チームリーダーのログイン名(なしは &quot;&quot;)。</translation>
    </message>
    <message>
        <source>Name the agent by their login name.</source>
        <translation>オペレーターをログイン名で指定してください。</translation>
    </message>
    <message>
        <source>There is no agent with the login %1 on the server.</source>
        <translation>サーバーにログイン名 %1 のオペレーターはいません。</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>%1 を保存しました(%2)。</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 は再びログインできます。</translation>
    </message>
    <message>
        <source>%1 can no longer log in; their name stays in the history.</source>
        <translation>%1 はログインできなくなりました。名前は履歴に残ります。</translation>
    </message>
    <message>
        <source>%1 has a new password.</source>
        <translation>%1 に新しいパスワードを設定しました。</translation>
    </message>
    <message>
        <source>The team %1 is on the server.</source>
        <translation>チーム %1 をサーバーに登録しました。</translation>
    </message>
    <message>
        <source>Change an agent&apos;s name, reading, e-mail, role or team on the team server (as an admin)</source>
        <translation>チームサーバーでオペレーターの名前・フリガナ・メール・役割・チームを変更します(管理者)</translation>
    </message>
    <message>
        <source>Stop an agent&apos;s login on the team server; their name stays (as an admin)</source>
        <translation>チームサーバーでオペレーターのログインを止めます。名前は残ります(管理者)</translation>
    </message>
    <message>
        <source>Let a deactivated agent log in again (as an admin)</source>
        <translation>無効にしたオペレーターが再びログインできるようにします(管理者)</translation>
    </message>
    <message>
        <source>Give an agent a new password on the team server, shown once (as an admin)</source>
        <translation>チームサーバーでオペレーターに新しいパスワードを設定し、1 回だけ表示します(管理者)</translation>
    </message>
    <message>
        <source>Add a team on the team server (as an admin)</source>
        <translation>チームサーバーにチームを追加します(管理者)</translation>
    </message>
    <message>
        <source>Rename a team or change its time zone or lead on the team server (as an admin)</source>
        <translation>チームサーバーでチームの名前・タイムゾーン・リーダーを変更します(管理者)</translation>
    </message>
    <message>
        <source>When it started, ISO 8601; without an offset, in the team&apos;s time zone (default: now).</source>
        <translation>開始日時、ISO 8601 形式。オフセットがなければチームのタイムゾーン(既定: 現在)。</translation>
    </message>
    <message>
        <source>When to call back, ISO 8601 as --started (with callback_scheduled).</source>
        <translation>折り返し日時、--started と同じ ISO 8601 形式(callback_scheduled のとき)。</translation>
    </message>
    <message>
        <source>Agent %1, already in the team&apos;s directory, can now log in as %2 (role: %3).</source>
        <translation>チームの名簿にすでにいる %1 が、%2 としてログインできるようになりました(役割: %3)。</translation>
    </message>
</context>
<context>
    <name>ClientState</name>
    <message>
        <source>saving a setting of this database</source>
        <translation>このデータベースの設定の保存</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>reading the conflicts</source>
        <translation>競合の読み込み中</translation>
    </message>
    <message>
        <source>The conflict could not be marked as handled.</source>
        <translation>競合を対応済みにできませんでした。</translation>
    </message>
    <message>
        <source>This conflict was handled already.</source>
        <translation>この競合はすでに対応済みです。</translation>
    </message>
    <message>
        <source>The record is not in this copy any more (it may have moved to another team), so your value cannot be applied again here.</source>
        <translation>このレコードはもうこのコピーにありません(別のチームに移った可能性があります)。ここであなたの値を再適用することはできません。</translation>
    </message>
    <message>
        <source>The status is unknown.</source>
        <translation>不明なステータスです。</translation>
    </message>
    <message>
        <source>The whole change</source>
        <translation>変更全体</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>電話番号またはメール</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>エスカレーション</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>The record moved out of your reach (another team has it now).</source>
        <translation>このレコードはあなたの担当範囲外になりました(現在は別のチームが担当しています)。</translation>
    </message>
    <message>
        <source>The ticket was closed meanwhile.</source>
        <translation>その間にチケットがクローズされました。</translation>
    </message>
    <message>
        <source>The ticket&apos;s status had moved on, and this change no longer follows the workflow.</source>
        <translation>チケットのステータスが先に進んでいたため、この変更はワークフローに合わなくなりました。</translation>
    </message>
    <message>
        <source>The server refused the change.</source>
        <translation>サーバーが変更を拒否しました。</translation>
    </message>
    <message>
        <source>The server refused the change (%1).</source>
        <translation>サーバーが変更を拒否しました(%1)。</translation>
    </message>
    <message>
        <source>(not in this copy)</source>
        <translation>(このコピーにはありません)</translation>
    </message>
    <message>
        <source>The server&apos;s value was kept</source>
        <translation>サーバーの値を採用</translation>
    </message>
    <message>
        <source>Yours replaced it</source>
        <translation>あなたの値で上書き</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>拒否: %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>サーバーの値</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>あなたの値</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>It refers to a ticket you cannot see (another team&apos;s).</source>
        <translation>ほかのチームのチケットなど、あなたが参照できないチケットを指しています。</translation>
    </message>
    <message>
        <source>The server&apos;s rules do not let your login make this change.</source>
        <translation>サーバーの規則により、あなたのログインではこの変更はできません。</translation>
    </message>
    <message>
        <source>It refers to a record the server does not have (it may have been deleted).</source>
        <translation>サーバーにないレコードを参照しています(削除された可能性があります)。</translation>
    </message>
    <message>
        <source>A record with the same key exists on the server already.</source>
        <translation>同じキーのレコードがすでにサーバーにあります。</translation>
    </message>
    <message>
        <source>The server did not accept one of the values.</source>
        <translation>サーバーが値のひとつを受け付けませんでした。</translation>
    </message>
    <message>
        <source>Another copy of the app issues ticket numbers with this prefix; this copy cannot use it.</source>
        <translation>この接頭辞のチケット番号は別のアプリのコピーが発行しているため、このコピーでは使えません。</translation>
    </message>
    <message>
        <source>Only an administrator&apos;s login can add people and teams to the team server, or change them.</source>
        <translation>チームサーバーにメンバーやチームを追加・変更できるのは、管理者のログインだけです。</translation>
    </message>
    <message>
        <source>Its team is not on the team server.</source>
        <translation>そのチームがチームサーバーにありません。</translation>
    </message>
    <message>
        <source>Its assignee is not on the team server, or no longer active there.</source>
        <translation>担当者がチームサーバーにいないか、すでに無効になっています。</translation>
    </message>
    <message>
        <source>A ticket needs a team or an assignee.</source>
        <translation>チケットにはチームか担当者が必要です。</translation>
    </message>
    <message>
        <source>Your login cannot pass the ticket to that team or agent.</source>
        <translation>あなたのログインでは、そのチームや担当者にチケットを渡せません。</translation>
    </message>
    <message>
        <source>Your login is not an active agent in the team server&apos;s directory.</source>
        <translation>あなたのログインは、チームサーバーの名簿で有効なオペレーターではありません。</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同期の競合</translation>
    </message>
    <message>
        <source>When a colleague changed the same thing first, or the server refused a change, nothing is lost: your value is kept here. Keep the server&apos;s value, or apply yours again.</source>
        <translation>同僚が先に同じ箇所を変更した場合や、サーバーが変更を拒否した場合でも、何も失われません。あなたの値はここに保管されています。サーバーの値を採用するか、あなたの値を再適用してください。</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Before either change</source>
        <translation>変更前の値</translation>
    </message>
    <message>
        <source>On the server now</source>
        <translation>現在のサーバーの値</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>あなたの値</translation>
    </message>
    <message>
        <source>&amp;Keep the server&apos;s value</source>
        <translation>サーバーの値を採用(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Apply mine again</source>
        <translation>自分の値を再適用(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;opy mine</source>
        <translation>自分の値をコピー(&amp;O)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>完了にする</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>競合はありません</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;No conflicts.&lt;/p&gt;&lt;p&gt;When a change you made here and one made elsewhere disagree, or the server refuses a change, both values appear here for you to choose.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;競合はありません。&lt;/p&gt;&lt;p&gt;ここでの変更と別の場所での変更が食い違ったとき、またはサーバーが変更を受け付けなかったときは、両方の値がここに表示され、どちらにするかを選べます。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>フリガナ(&amp;R):</translation>
    </message>
    <message>
        <source>Kana, e.g. ヤマダ タロウ</source>
        <translation>かな(例: ヤマダ タロウ)</translation>
    </message>
    <message>
        <source>C&amp;ompany:</source>
        <translation>会社(&amp;O):</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>Choose a company, or type a new name to add it.</source>
        <translation>会社を選ぶか、新しい会社名を入力すると追加されます。</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>電話番号(&amp;P):</translation>
    </message>
    <message>
        <source>One number per line</source>
        <translation>1 行に 1 つの番号</translation>
    </message>
    <message>
        <source>E-&amp;mails:</source>
        <translation>メールアドレス(&amp;M):</translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation>1 行に 1 つのアドレス</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>ランク(&amp;I):</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>タグ(&amp;G):</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>カンマ区切り</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>住所(&amp;D):</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>メモ(&amp;T):</translation>
    </message>
</context>
<context>
    <name>CustomerMerge</name>
    <message>
        <source>merging the customers</source>
        <translation>顧客の統合</translation>
    </message>
    <message>
        <source>Same phone number</source>
        <translation>同じ電話番号</translation>
    </message>
    <message>
        <source>Same e-mail address</source>
        <translation>同じメールアドレス</translation>
    </message>
    <message>
        <source>Same name and reading</source>
        <translation>同じ名前とフリガナ</translation>
    </message>
    <message>
        <source>looking for duplicates</source>
        <translation>重複の検索</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation>同じ顧客どうしは統合できません。</translation>
    </message>
</context>
<context>
    <name>CustomerRepository</name>
    <message>
        <source>reading the customer</source>
        <translation>顧客の読み込み</translation>
    </message>
    <message>
        <source>The customer no longer exists.</source>
        <translation>この顧客はすでに存在しません。</translation>
    </message>
    <message>
        <source>reading the customer&apos;s contacts</source>
        <translation>顧客の連絡先の読み込み</translation>
    </message>
    <message>
        <source>looking the customer up</source>
        <translation>顧客の検索</translation>
    </message>
    <message>
        <source>counting customers</source>
        <translation>顧客数の集計</translation>
    </message>
    <message>
        <source>reading the customer&apos;s activity</source>
        <translation>顧客の対応状況の読み込み</translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <source>searching customers</source>
        <translation>顧客の検索</translation>
    </message>
    <message>
        <source>reading the customers</source>
        <translation>顧客の読み込み</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <source>← &amp;Customers</source>
        <translation>← 顧客一覧(&amp;C)</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>一覧に戻る(Esc)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>電話をかける</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>&amp;Log Call</source>
        <translation>通話を記録(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Log &amp;Other</source>
        <translation>その他を記録(&amp;O)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロフィール</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>元に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>表示(&amp;H):</translation>
    </message>
    <message>
        <source>Show channel</source>
        <translation>表示するチャネル</translation>
    </message>
    <message>
        <source>Customer history</source>
        <translation>顧客の履歴</translation>
    </message>
    <message>
        <source>New &amp;Ticket…</source>
        <translation>新しいチケット(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>並び順(&amp;O):</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>並び順</translation>
    </message>
    <message>
        <source>Search by name, reading, company, e-mail or phone number (Ctrl+F)</source>
        <translation>名前、フリガナ、会社名、メール、電話番号で検索(Ctrl+F)</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>顧客を検索</translation>
    </message>
    <message>
        <source>Customer list</source>
        <translation>顧客一覧</translation>
    </message>
    <message>
        <source>&amp;New Customer…</source>
        <translation>新しい顧客(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a customer by hand (Ctrl+Shift+N)</source>
        <translation>顧客を手入力で追加します(Ctrl+Shift+N)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Updating the figures</source>
        <translation>数値を更新中</translation>
    </message>
    <message>
        <source>S&amp;taffing…</source>
        <translation>要員計画(&amp;T)…</translation>
    </message>
    <message>
        <source>Agents needed per hour of the week (Erlang C)</source>
        <translation>曜日・時間帯ごとに必要なオペレーター数(アーラン C)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the figures again (F5)</source>
        <translation>数値を読み直します (F5)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>初日</translation>
    </message>
    <message>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最終日</translation>
    </message>
    <message>
        <source>Team filter</source>
        <translation>チームで絞り込み</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>オペレーターで絞り込み</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>チャネルで絞り込み</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>優先度で絞り込み</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>分類で絞り込み</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>KPI report</source>
        <translation>KPI レポート</translation>
    </message>
    <message>
        <source>Madoguchi KPI report · %1</source>
        <translation>窓口 KPI レポート · %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>All teams, agents, channels, priorities and categories</source>
        <translation>すべてのチーム、オペレーター、チャネル、優先度、分類</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>期間: %1</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>絞り込み: %1</translation>
    </message>
    <message>
        <source>Changes are against the previous period of the same length. Made %1.</source>
        <translation>増減は同じ長さの前の期間との比較です。作成: %1。</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>オペレーター</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The bulk insert statement is invalid.</source>
        <translation>一括登録の SQL 文が正しくありません。</translation>
    </message>
    <message>
        <source>loading the data</source>
        <translation>データの読み込み</translation>
    </message>
    <message>
        <source>A change was attempted outside a transaction; nothing was saved.</source>
        <translation>トランザクションの外で変更しようとしたため、何も保存されませんでした。</translation>
    </message>
    <message>
        <source>saving the new record</source>
        <translation>新しいレコードの保存</translation>
    </message>
    <message>
        <source>reading the record to change</source>
        <translation>変更するレコードの読み込み</translation>
    </message>
    <message>
        <source>The record no longer exists; it may have been deleted.</source>
        <translation>このレコードはすでに存在しません。削除された可能性があります。</translation>
    </message>
    <message>
        <source>saving the change</source>
        <translation>変更の保存</translation>
    </message>
    <message>
        <source>deleting the record</source>
        <translation>レコードの削除</translation>
    </message>
    <message>
        <source>recording the change for synchronisation</source>
        <translation>同期用の変更記録</translation>
    </message>
    <message>
        <source>%1 is not a Madoguchi database, or it is damaged.</source>
        <translation>%1 は窓口のデータベースではないか、破損しています。</translation>
    </message>
    <message>
        <source>opening the database</source>
        <translation>データベースを開く処理</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 はフォルダーです。データベースファイルではありません。</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>%1 にデータベースがありません。</translation>
    </message>
    <message>
        <source>The folder for %1 could not be created.</source>
        <translation>%1 のフォルダーを作成できませんでした。</translation>
    </message>
    <message>
        <source>%1 is read-only. Madoguchi needs to write to its database and to the folder it is in.</source>
        <translation>%1 は読み取り専用です。窓口はデータベースと、それがあるフォルダーに書き込める必要があります。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Madoguchi (database schema %2; this version knows up to %3). It was not changed; update Madoguchi to open it.</source>
        <translation>%1 は新しいバージョンの窓口で作成されています(データベーススキーマ %2、このバージョンは %3 まで対応)。ファイルは変更していません。開くには窓口を更新してください。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not a Madoguchi database.</source>
        <translation>%1 は別のプログラムの SQLite データベースで、窓口のデータベースではありません。</translation>
    </message>
    <message>
        <source>reading the database</source>
        <translation>データベースの読み込み</translation>
    </message>
    <message>
        <source>checking the database</source>
        <translation>データベースの確認</translation>
    </message>
    <message>
        <source>The database connection is not open.</source>
        <translation>データベースに接続していません。</translation>
    </message>
    <message>
        <source>updating the database structure</source>
        <translation>データベース構造の更新</translation>
    </message>
    <message>
        <source>The database is busy in another program, so %1 failed. Try again in a moment.</source>
        <translation>データベースが別のプログラムで使用中のため、%1に失敗しました。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The database file is read-only, so %1 failed.</source>
        <translation>データベースファイルが読み取り専用のため、%1に失敗しました。</translation>
    </message>
    <message>
        <source>The disk is full, so %1 failed. Nothing was changed; free some space and try again.</source>
        <translation>ディスクの空き容量がないため、%1に失敗しました。何も変更していません。空き容量を確保してからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The database file could not be read or written, so %1 failed.</source>
        <translation>データベースファイルを読み書きできなかったため、%1に失敗しました。</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a database, so %1 failed.</source>
        <translation>データベースファイルが破損しているか、データベースではないため、%1に失敗しました。</translation>
    </message>
    <message>
        <source>The data was refused by a database rule (%1), so %2 failed.</source>
        <translation>データがデータベースの規則(%1)に合わないため、%2に失敗しました。</translation>
    </message>
    <message>
        <source>A database error stopped %1: %2</source>
        <translation>データベースのエラーにより%1が中断されました: %2</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>トランザクションの開始</translation>
    </message>
    <message>
        <source>The transaction is no longer active.</source>
        <translation>トランザクションはすでに終了しています。</translation>
    </message>
    <message>
        <source>saving the changes</source>
        <translation>変更の保存</translation>
    </message>
    <message>
        <source>A change named an unknown table or column; nothing was saved.</source>
        <translation>不明なテーブルまたは列への変更だったため、何も保存されませんでした。</translation>
    </message>
    <message>
        <source>preparing a bulk load</source>
        <translation>一括読み込みの準備中</translation>
    </message>
    <message>
        <source>Could not create the folder &quot;%1&quot;: %2</source>
        <translation>フォルダー「%1」を作成できませんでした: %2</translation>
    </message>
    <message>
        <source>The new database is still open; it was not put in place.</source>
        <translation>新しいデータベースがまだ開かれているため、置き換えませんでした。</translation>
    </message>
    <message>
        <source>Could not write &quot;%1&quot; to disk: %2</source>
        <translation>「%1」をディスクに書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Could not remove &quot;%1&quot;: %2</source>
        <translation>「%1」を削除できませんでした: %2</translation>
    </message>
    <message>
        <source>Could not put the new database in place at &quot;%1&quot;: %2</source>
        <translation>新しいデータベースを「%1」に配置できませんでした: %2</translation>
    </message>
    <message>
        <source>%1 could not be backed up before it is upgraded, so it was left as it was: %2</source>
        <translation>%1 はアップグレード前にバックアップできなかったため、変更していません: %2</translation>
    </message>
    <message>
        <source>The database is damaged, and that could not be noted beside it (%1).</source>
        <translation>データベースが破損していますが、その記録をデータベースの隣に残せませんでした (%1)。</translation>
    </message>
    <message>
        <source>The database file is damaged, so nothing can be saved to it. Restore the newest backup (File ▸ Restore from Backup…, or madoguchi-cli restore).</source>
        <translation>データベースファイルが破損しているため、何も保存できません。最新のバックアップを復元してください(ファイル ▸ バックアップから復元…、または madoguchi-cli restore)。</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>Demo sizes must be positive (at least one customer and one day).</source>
        <translation>デモデータの件数は正の数で指定してください(顧客 1 件以上、1 日以上)。</translation>
    </message>
    <message>
        <source>Demo sizes are limited to 5 million customers, 20 million tickets and 60 million interactions.</source>
        <translation>デモデータは顧客 500 万件、チケット 2,000 万件、対応履歴 6,000 万件までです。</translation>
    </message>
    <message>
        <source>The database already contains data. Demo data is only generated into a new, empty database, so nothing you saved can be mixed up with it.</source>
        <translation>データベースにはすでにデータがあります。保存済みのデータと混ざらないよう、デモデータは新しい空のデータベースにだけ作成します。</translation>
    </message>
</context>
<context>
    <name>DirectoryRepository</name>
    <message>
        <source>reading the teams</source>
        <translation>チームの読み込み</translation>
    </message>
    <message>
        <source>reading the agents</source>
        <translation>オペレーターの読み込み</translation>
    </message>
    <message>
        <source>There is no agent called %1.</source>
        <translation>%1 というオペレーターはいません。</translation>
    </message>
    <message>
        <source>reading the organization</source>
        <translation>会社の読み込み</translation>
    </message>
    <message>
        <source>The organization no longer exists.</source>
        <translation>この会社はすでに存在しません。</translation>
    </message>
    <message>
        <source>The team does not exist.</source>
        <translation>このチームは存在しません。</translation>
    </message>
    <message>
        <source>The agent does not exist.</source>
        <translation>このオペレーターは存在しません。</translation>
    </message>
</context>
<context>
    <name>DirectoryService</name>
    <message>
        <source>Choose who you are (Settings ▸ You) before changing the team&apos;s people.</source>
        <translation>チームのメンバーを変更する前に、あなたが誰かを選んでください(設定 ▸ あなた)。</translation>
    </message>
    <message>
        <source>%1 is deactivated and cannot change the team&apos;s people.</source>
        <translation>%1 は無効のため、チームのメンバーを変更できません。</translation>
    </message>
    <message>
        <source>Only team leads, supervisors and administrators can change the team&apos;s people.</source>
        <translation>チームのメンバーを変更できるのはチームリーダー、スーパーバイザー、管理者だけです。</translation>
    </message>
    <message>
        <source>Only an administrator can make or change a supervisor or an administrator.</source>
        <translation>スーパーバイザーや管理者の設定・変更は管理者だけができます。</translation>
    </message>
    <message>
        <source>There is already an agent called %1. Add something that tells them apart.</source>
        <translation>%1 というオペレーターはすでにいます。区別できる情報を名前に加えてください。</translation>
    </message>
    <message>
        <source>%1 is the team&apos;s only administrator. Make someone else an administrator first.</source>
        <translation>%1 はチームで唯一の管理者です。先に他の誰かを管理者にしてください。</translation>
    </message>
    <message>
        <source>Only an administrator can deactivate a supervisor or an administrator.</source>
        <translation>スーパーバイザーや管理者を無効にできるのは管理者だけです。</translation>
    </message>
    <message>
        <source>%1 is not a time zone this computer knows.</source>
        <translation>%1 はこのコンピューターが知らないタイムゾーンです。</translation>
    </message>
    <message>
        <source>There is already a team called %1.</source>
        <translation>%1 というチームはすでにあります。</translation>
    </message>
    <message>
        <source>%1 is deactivated and cannot lead a team.</source>
        <translation>%1 は無効のため、チームのリーダーにできません。</translation>
    </message>
    <message>
        <source>%1 is not in %2. Move them to the team first.</source>
        <translation>%1 は %2 のメンバーではありません。先にチームに移してください。</translation>
    </message>
    <message>
        <source>This copy works with a team server: an administrator changes roles and deactivates people there (madoguchi-cli server edit-agent or deactivate-agent).</source>
        <translation>このコピーはチームサーバーと同期しています。役割の変更や無効化は管理者がサーバー側で行います(madoguchi-cli server edit-agent または deactivate-agent)。</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>keeping the draft</source>
        <translation>下書きの保存</translation>
    </message>
    <message>
        <source>reading the draft</source>
        <translation>下書きの読み込み</translation>
    </message>
    <message>
        <source>removing the draft</source>
        <translation>下書きの削除</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicate Customers</source>
        <translation>重複した顧客</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>重複の可能性がある顧客</translation>
    </message>
    <message>
        <source>Keep these values</source>
        <translation>残す値</translation>
    </message>
    <message>
        <source>Phone numbers and e-mail addresses of both are kept. Every interaction, ticket and survey response moves to the customer that is kept; the other becomes a deleted record, and the merge is noted in the history.</source>
        <translation>電話番号とメールアドレスは両方とも残ります。対応履歴、チケット、アンケート回答はすべて残す顧客に移り、もう一方は削除済みの記録になります。統合したことは履歴に記録されます。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>統合(&amp;M)</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>%n秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n分</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>hours</comment>
        <translation>
            <numerusform>%n時間</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1時間%2分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1日</translation>
    </message>
</context>
<context>
    <name>EmailAddress</name>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>メールアドレスを入力してください。</translation>
    </message>
    <message>
        <source>An e-mail address needs a name, an @ and a domain, like name@example.com.</source>
        <translation>メールアドレスは name@example.com のように、名前、@、ドメインで入力してください。</translation>
    </message>
    <message>
        <source>The part before the @ contains characters an e-mail address cannot have.</source>
        <translation>@ の前にメールアドレスに使えない文字が含まれています。</translation>
    </message>
    <message>
        <source>The domain after the @ is not valid, like example.com.</source>
        <translation>@ の後のドメインが正しくありません(例: example.com)。</translation>
    </message>
    <message>
        <source>This e-mail address is too long.</source>
        <translation>メールアドレスが長すぎます。</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Agent</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>チームリーダー</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>スーパーバイザー</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>チャット</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>SNS</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>訪問</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Web フォーム</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>発信</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>要フォロー</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>エスカレーション</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>留守番電話</translation>
    </message>
    <message>
        <source>Callback scheduled</source>
        <translation>折り返し予定</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>お客様の返答待ち</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保留(外部待ち)</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>通常</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>緊急</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>プレミアム</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手動で割り当て</translation>
    </message>
    <message>
        <source>In turn (round robin)</source>
        <translation>順番に割り当て(ラウンドロビン)</translation>
    </message>
    <message>
        <source>Fewest open tickets</source>
        <translation>未解決チケットの少ない人に割り当て</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>Escalate Ticket</source>
        <translation>チケットのエスカレーション</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>レベル(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>チーム(&amp;T):</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>オペレーター(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
    <message>
        <source>What has been tried, and what the next tier should look at</source>
        <translation>これまでに試したことと、次の担当者に確認してほしいこと</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Madoguchi</source>
        <translation>窓口へようこそ</translation>
    </message>
    <message>
        <source>How will you use Madoguchi on this computer?</source>
        <translation>このコンピューターで窓口をどのように使いますか?</translation>
    </message>
    <message>
        <source>Set up a &amp;workspace on this computer</source>
        <translation>このコンピューターにワークスペースを作る(&amp;W)</translation>
    </message>
    <message>
        <source>Say who you are, your team and its business hours, and who you work with. Everything stays on this computer; you can connect a team server later and your people, customers and tickets go with you.</source>
        <translation>あなたの名前、チームと営業時間、一緒に働くメンバーを登録します。データはすべてこのコンピューターに保存されます。あとでチームサーバーに接続しても、メンバー・顧客・チケットはそのまま引き継がれます。</translation>
    </message>
    <message>
        <source>&amp;Connect to my team&apos;s server</source>
        <translation>チームのサーバーに接続する(&amp;C)</translation>
    </message>
    <message>
        <source>Share customers and tickets with colleagues. Your administrator gives you the server&apos;s address and your login; you keep working when the network is down.</source>
        <translation>顧客とチケットを同僚と共有します。サーバーのアドレスとログインは管理者から受け取ってください。ネットワークが切れても作業を続けられます。</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>あなたについて</translation>
    </message>
    <message>
        <source>Calls you log and tickets you take are recorded under this name.</source>
        <translation>記録した通話や担当したチケットは、この名前で記録されます。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>As colleagues and customers know you</source>
        <translation>同僚やお客様に通じる名前</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>よみがな(&amp;R):</translation>
    </message>
    <message>
        <source>In kana, for sorting Japanese names</source>
        <translation>かなで入力(名前の並べ替えに使います)</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>メール(&amp;E):</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>役割(&amp;O):</translation>
    </message>
    <message>
        <source>The first person is usually the administrator: administrators add people, set roles and change the team&apos;s service levels.</source>
        <translation>最初の一人は通常、管理者です。管理者はメンバーの追加、役割の設定、チームのサービスレベルの変更ができます。</translation>
    </message>
    <message>
        <source>Your team and its business hours</source>
        <translation>チームと営業時間</translation>
    </message>
    <message>
        <source>Service-level clocks run only in these hours. They start as the shipped Japanese calendar: weekdays 9:00–18:00, closed on national holidays.</source>
        <translation>SLA の時計はこの営業時間内だけ進みます。初期値は同梱の日本のカレンダー(平日 9:00〜18:00、祝日休み)です。</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>チーム(&amp;T):</translation>
    </message>
    <message>
        <source>For example: Customer Support</source>
        <translation>例: カスタマーサポート</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>タイムゾーン(&amp;Z):</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>営業時間</translation>
    </message>
    <message>
        <source>Closed on &amp;Japanese national holidays</source>
        <translation>日本の祝日は休み(&amp;J)</translation>
    </message>
    <message>
        <source>Your teammates</source>
        <translation>チームのメンバー</translation>
    </message>
    <message>
        <source>Add the people you work with now, or later in Settings ▸ People. Tickets can then be assigned to them.</source>
        <translation>一緒に働くメンバーを今すぐ、またはあとで「設定 ▸ メンバー」から追加します。追加したメンバーにチケットを割り当てられます。</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>名前(&amp;A)</translation>
    </message>
    <message>
        <source>Readin&amp;g</source>
        <translation>よみがな(&amp;G)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>メール(&amp;M)</translation>
    </message>
    <message>
        <source>Ro&amp;le</source>
        <translation>役割(&amp;L)</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>追加(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Ready to start</source>
        <translation>準備ができました</translation>
    </message>
    <message>
        <source>This is what will be set up. Everything can be changed later in Settings.</source>
        <translation>以下の内容で設定します。どれもあとで「設定」から変更できます。</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand On Open Tickets</source>
        <translation>未解決のチケットを引き継ぐ</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未解決のチケット</translation>
    </message>
    <message>
        <source>&amp;Give them to:</source>
        <translation>引き継ぐ相手(&amp;G):</translation>
    </message>
</context>
<context>
    <name>InteractionLog</name>
    <message>
        <source>There is no ticket %1.</source>
        <translation>チケット %1 はありません。</translation>
    </message>
    <message>
        <source>Ticket %1 belongs to another customer.</source>
        <translation>チケット %1 は別の顧客のものです。</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>電話: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>メール: %1</translation>
    </message>
</context>
<context>
    <name>InteractionRepository</name>
    <message>
        <source>reading the interaction</source>
        <translation>対応履歴の読み込み</translation>
    </message>
    <message>
        <source>The interaction no longer exists.</source>
        <translation>この対応履歴はすでに存在しません。</translation>
    </message>
    <message>
        <source>reading the customer&apos;s history</source>
        <translation>顧客の履歴の読み込み</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>the keychain did not answer</source>
        <translation>キーチェーンが応答しませんでした</translation>
    </message>
    <message>
        <source>The system keychain cannot be used (%1). The password is not saved; Madoguchi asks for it each time it connects.</source>
        <translation>システムのキーチェーンを使用できません(%1)。パスワードは保存されず、接続するたびに窓口がパスワードを尋ねます。</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <source>The period must end after it starts.</source>
        <translation>期間の終わりは始まりより後にしてください。</translation>
    </message>
    <message>
        <source>computing the figures</source>
        <translation>数値の集計</translation>
    </message>
</context>
<context>
    <name>KpiFormat</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>LogInteractionDialog</name>
    <message>
        <source>Log Interaction</source>
        <translation>対応を記録</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>チャネル(&amp;H):</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>&amp;Inbound</source>
        <translation>受信(&amp;I)</translation>
    </message>
    <message>
        <source>Out&amp;bound</source>
        <translation>発信(&amp;B)</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>顧客(&amp;U):</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新しい顧客</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>フリガナ(&amp;R):</translation>
    </message>
    <message>
        <source>Kana, e.g. ヤマダ タロウ</source>
        <translation>かな(例: ヤマダ タロウ)</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P):</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>メール(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Started:</source>
        <translation>開始(&amp;S):</translation>
    </message>
    <message>
        <source>Call timer</source>
        <translation>通話タイマー</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>通話時間(&amp;D):</translation>
    </message>
    <message>
        <source>H:mm:ss</source>
        <translation>H:mm:ss</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>分類(&amp;T):</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>結果(&amp;O):</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Call &amp;back at:</source>
        <translation>折り返し日時(&amp;B):</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>件名(&amp;B):</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>メモ(&amp;T):</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Tic&amp;ket:</source>
        <translation>チケット(&amp;K):</translation>
    </message>
    <message>
        <source>Ticket number (optional)</source>
        <translation>チケット番号(任意)</translation>
    </message>
    <message>
        <source>Channel details</source>
        <translation>チャネル固有の情報</translation>
    </message>
    <message>
        <source>Open a new tic&amp;ket for this</source>
        <translation>この対応で新しいチケットを作成(&amp;K)</translation>
    </message>
    <message>
        <source>Creates a ticket with this subject and links the interaction to it</source>
        <translation>この件名でチケットを作成し、対応履歴をそのチケットに関連付けます</translation>
    </message>
    <message>
        <source>&amp;Canned Response</source>
        <translation>定型文(&amp;C)</translation>
    </message>
    <message>
        <source>Insert a prepared text; its changes apply to the linked ticket</source>
        <translation>用意した文章を挿入します。定型文の変更は関連するチケットに適用されます</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New Customer</source>
        <translation>新しい顧客</translation>
    </message>
    <message>
        <source>Customers already on file</source>
        <translation>登録済みの顧客</translation>
    </message>
    <message>
        <source>&amp;Open Existing</source>
        <translation>登録済みの顧客を開く(&amp;O)</translation>
    </message>
    <message>
        <source>Go on with the customer selected above instead of creating a new one</source>
        <translation>新しく作らずに、上で選んだ登録済みの顧客で続けます</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>New Password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Madoguchi does not keep this password anywhere: once this window is closed it cannot be shown again (reset it if it is lost).</source>
        <translation>このパスワードはどこにも保存されません。このウィンドウを閉じると二度と表示できません(なくした場合はリセットしてください)。</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New Ticket</source>
        <translation>新しいチケット</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>顧客(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>件名(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>優先度(&amp;P):</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>分類(&amp;A):</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>チャネル(&amp;H):</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>タグ(&amp;G):</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>カンマ区切り</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>チーム(&amp;T):</translation>
    </message>
    <message>
        <source>Ass&amp;ignee:</source>
        <translation>担当者(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Opened while talking to the customer (starts as Open)</source>
        <translation>お客様との対応中に作成(「対応中」で開始)(&amp;O)</translation>
    </message>
</context>
<context>
    <name>PasswordChoice</name>
    <message>
        <source>&amp;Generate one (shown once, to hand over)</source>
        <translation>自動で作る(一度だけ表示されるので本人に渡してください)(&amp;G)</translation>
    </message>
    <message>
        <source>T&amp;ype one:</source>
        <translation>自分で入力する(&amp;Y):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>A&amp;gain:</source>
        <translation>もう一度(&amp;G):</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>パスワード(確認)</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Agents</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>無効にする(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>有効に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>パスワードをリセット(&amp;P)…</translation>
    </message>
    <message>
        <source>S&amp;how deactivated</source>
        <translation>無効なメンバーも表示(&amp;H)</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Add &amp;team…</source>
        <translation>チームを追加(&amp;T)…</translation>
    </message>
    <message>
        <source>Ed&amp;it team…</source>
        <translation>チームを編集(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>Enter a phone number.</source>
        <translation>電話番号を入力してください。</translation>
    </message>
    <message>
        <source>This is too long to be a phone number.</source>
        <translation>電話番号としては長すぎます。</translation>
    </message>
    <message>
        <source>Unknown country code. Start international numbers with + and the country code.</source>
        <translation>国番号が不明です。国際番号は + と国番号から入力してください。</translation>
    </message>
    <message>
        <source>This phone number is too short.</source>
        <translation>電話番号の桁数が足りません。</translation>
    </message>
    <message>
        <source>This phone number is too long.</source>
        <translation>電話番号の桁数が多すぎます。</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>電話番号ではありません。</translation>
    </message>
    <message>
        <source>This phone number does not exist in the numbering plan of its country.</source>
        <translation>この電話番号は、その国の番号計画に存在しません。</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>My open tickets</source>
        <translation>自分の未解決チケット</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>Breaching soon</source>
        <translation>期限間近</translation>
    </message>
    <message>
        <source>Escalated to me or my team</source>
        <translation>自分・チーム宛てのエスカレーション</translation>
    </message>
    <message>
        <source>Pending and on hold</source>
        <translation>返答待ち・保留</translation>
    </message>
    <message>
        <source>Recently solved</source>
        <translation>最近の解決済み</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>すべてのチケット</translation>
    </message>
    <message>
        <source>counting the tickets</source>
        <translation>チケット数の集計</translation>
    </message>
    <message>
        <source>reading the saved filters</source>
        <translation>保存したフィルターの読み込み</translation>
    </message>
    <message>
        <source>Give the filter a name of up to 100 characters.</source>
        <translation>フィルター名は 100 文字以内で入力してください。</translation>
    </message>
    <message>
        <source>saving the filter</source>
        <translation>フィルターの保存</translation>
    </message>
    <message>
        <source>deleting the filter</source>
        <translation>フィルターの削除</translation>
    </message>
</context>
<context>
    <name>SatisfactionDialog</name>
    <message>
        <source>Customer Satisfaction</source>
        <translation>顧客満足度</translation>
    </message>
    <message>
        <source>&amp;Satisfaction:</source>
        <translation>満足度(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Would recommend (0–10):</source>
        <translation>推奨度(0–10)(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Received:</source>
        <translation>回答日時(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>コメント(&amp;C):</translation>
    </message>
    <message>
        <source>This is a &amp;complaint</source>
        <translation>苦情として扱う(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>ユーザー名またはパスワードが違います。</translation>
    </message>
    <message>
        <source>The server&apos;s name is not known. Check the host name.</source>
        <translation>サーバーの名前が見つかりません。ホスト名を確認してください。</translation>
    </message>
    <message>
        <source>Nothing answers at that address and port: the server is down or the port is wrong.</source>
        <translation>そのアドレスとポートで応答がありません。サーバーが停止しているか、ポートが違います。</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network.</source>
        <translation>サーバーから時間内に応答がありませんでした。ネットワークを確認してください。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for another host name: this may not be your team&apos;s server.</source>
        <translation>サーバー証明書が別のホスト名のものです。チームのサーバーではない可能性があります。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified. Choose the CA file your administrator gave you.</source>
        <translation>サーバー証明書を検証できませんでした。管理者から受け取った CA ファイルを選んでください。</translation>
    </message>
    <message>
        <source>There is no database of that name on the server.</source>
        <translation>サーバーにその名前のデータベースはありません。</translation>
    </message>
    <message>
        <source>The server refused: this user may not do that.</source>
        <translation>サーバーに拒否されました。このユーザーにはその操作の権限がありません。</translation>
    </message>
    <message>
        <source>The team server reported an error while %1: %2</source>
        <translation>%1中にチームのサーバーでエラーが発生しました: %2</translation>
    </message>
    <message>
        <source>%1 (while %2)</source>
        <translation>%1(%2中)</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>スキーマのバージョンの読み込み</translation>
    </message>
    <message>
        <source>The server&apos;s schema is version %1, newer than this Madoguchi knows (%2). Nothing was changed; update Madoguchi to work with this server.</source>
        <translation>サーバーのスキーマはバージョン %1 で、この窓口が扱えるもの(%2)より新しいです。何も変更していません。このサーバーを使うには窓口を更新してください。</translation>
    </message>
    <message>
        <source>upgrading the schema</source>
        <translation>スキーマの更新</translation>
    </message>
    <message>
        <source>upgrading the schema to version %1</source>
        <translation>スキーマのバージョン %1 への更新</translation>
    </message>
    <message>
        <source>Give the team a name of up to 200 characters.</source>
        <translation>チーム名は 200 文字以内で入力してください。</translation>
    </message>
    <message>
        <source>adding the team</source>
        <translation>チームの追加</translation>
    </message>
    <message>
        <source>A login name is 2–63 lower-case letters, digits or underscores, starting with a letter.</source>
        <translation>ログイン名は英小文字で始まる、英小文字・数字・アンダースコアの 2～63 文字にしてください。</translation>
    </message>
    <message>
        <source>Login names starting with crm_ or pg_ are reserved.</source>
        <translation>crm_ または pg_ で始まるログイン名は予約されています。</translation>
    </message>
    <message>
        <source>The role must be one of: %1.</source>
        <translation>ロールは次のいずれかにしてください: %1。</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>パスワードは 8 文字以上にしてください。</translation>
    </message>
    <message>
        <source>adding the agent</source>
        <translation>オペレーターの追加</translation>
    </message>
    <message>
        <source>finding the team</source>
        <translation>チームの検索</translation>
    </message>
    <message>
        <source>There is no team called &quot;%1&quot; on the server.</source>
        <translation>サーバーに「%1」というチームはありません。</translation>
    </message>
    <message>
        <source>removing old changes</source>
        <translation>古い変更履歴を削除中</translation>
    </message>
    <message>
        <source>storing the national holidays</source>
        <translation>祝日の保存</translation>
    </message>
    <message>
        <source>computing the SLA due times</source>
        <translation>SLA 期限の計算</translation>
    </message>
    <message>
        <source>The server does not offer an encrypted connection (TLS). Ask your administrator to turn TLS on; only on a network you trust, choose a weaker security setting.</source>
        <translation>サーバーが暗号化接続 (TLS) に対応していません。管理者に TLS を有効にするよう依頼してください。信頼できるネットワークの場合に限り、より弱いセキュリティ設定を選べます。</translation>
    </message>
    <message>
        <source>The encrypted connection (TLS) to the server failed. Check the security setting and the CA file.</source>
        <translation>サーバーとの暗号化接続 (TLS) に失敗しました。セキュリティ設定と CA ファイルを確認してください。</translation>
    </message>
    <message>
        <source>This database is not a Madoguchi team server (or its set-up is incomplete). Ask your administrator to run &quot;madoguchi-cli server init&quot; on it.</source>
        <translation>このデータベースは Madoguchi のチームサーバーではありません(または設定が完了していません)。管理者に「madoguchi-cli server init」の実行を依頼してください。</translation>
    </message>
    <message>
        <source>The server&apos;s rules do not let your login make this change.</source>
        <translation>サーバーの規則により、あなたのログインではこの変更はできません。</translation>
    </message>
    <message>
        <source>The password could not be prepared for the server (%1). Nothing was changed.</source>
        <translation>サーバー用のパスワードを準備できませんでした (%1)。何も変更されていません。</translation>
    </message>
    <message>
        <source>This server has no Madoguchi schema.</source>
        <translation>このサーバーには窓口のスキーマがありません。</translation>
    </message>
    <message>
        <source>finding the agent</source>
        <translation>オペレーターの検索</translation>
    </message>
    <message>
        <source>There is no agent with the login %1 on the server.</source>
        <translation>サーバーにログイン名 %1 のオペレーターはいません。</translation>
    </message>
    <message>
        <source>reading the agents</source>
        <translation>オペレーターの読み込み</translation>
    </message>
    <message>
        <source>Give the agent a name of up to 200 characters.</source>
        <translation>オペレーターの名前は 200 文字以内で入力してください。</translation>
    </message>
    <message>
        <source>changing the agent</source>
        <translation>オペレーターの変更</translation>
    </message>
    <message>
        <source>activating the agent</source>
        <translation>オペレーターの有効化</translation>
    </message>
    <message>
        <source>deactivating the agent</source>
        <translation>オペレーターの無効化</translation>
    </message>
    <message>
        <source>setting the password</source>
        <translation>パスワードの設定</translation>
    </message>
    <message>
        <source>changing the team</source>
        <translation>チームの変更</translation>
    </message>
    <message>
        <source>Name the team to change.</source>
        <translation>変更するチームを指定してください。</translation>
    </message>
    <message>
        <source>%1 is not a time zone this computer knows.</source>
        <translation>%1 はこのコンピューターが知らないタイムゾーンです。</translation>
    </message>
    <message>
        <source>This is the team&apos;s only active administrator. Make someone else an administrator first.</source>
        <translation>チームで唯一の有効な管理者です。先に他の誰かを管理者にしてください。</translation>
    </message>
    <message>
        <source>That login name is already taken on the server. Choose another.</source>
        <translation>そのログイン名はサーバーですでに使われています。別の名前を選んでください。</translation>
    </message>
    <message>
        <source>Only an administrator can change the team&apos;s logins on the server.</source>
        <translation>サーバーのチームのログインを変更できるのは管理者だけです。</translation>
    </message>
    <message>
        <source>There is no agent with that login on the server.</source>
        <translation>サーバーにそのログイン名のオペレーターはいません。</translation>
    </message>
    <message>
        <source>%1 people called %2 are in the directory without a login: name the team of the one meant (--team).</source>
        <translation>%2 という名前のログインのないメンバーが名簿に %1 人います。どの人かをチームで指定してください(--team)。</translation>
    </message>
    <message>
        <source>%1 people called %2 in the team %3 are in the directory without a login: give them different names first.</source>
        <translation>チーム %3 に %2 という名前のログインのないメンバーが %1 人います。先に別々の名前にしてください。</translation>
    </message>
</context>
<context>
    <name>ServerPasswordPrompt</name>
    <message>
        <source>The saved password for %1 on %2 was not accepted.</source>
        <translation>保存されている %2 の %1 のパスワードは受け付けられませんでした。</translation>
    </message>
    <message>
        <source>No password is saved for %1 on %2.</source>
        <translation>%2 の %1 のパスワードは保存されていません。</translation>
    </message>
    <message>
        <source>Team server password</source>
        <translation>チームサーバーのパスワード</translation>
    </message>
    <message>
        <source>%1
Enter the password for %2 on %3. It is kept only until Madoguchi closes.</source>
        <translation>%1
%3 の %2 のパスワードを入力してください。Madoguchi を閉じるまでの間だけ保持されます。</translation>
    </message>
</context>
<context>
    <name>ServerSettingsWidget</name>
    <message>
        <source>Connect to your team&apos;s server to share customers and tickets with colleagues. You keep working when the network is down; changes are sent when it is back.</source>
        <translation>チームのサーバーに接続すると、顧客とチケットを同僚と共有できます。ネットワークが切れても作業を続けられ、変更は接続が戻ったときに送信されます。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>crm.example.co.jp</source>
        <translation>crm.example.co.jp</translation>
    </message>
    <message>
        <source>Server host name</source>
        <translation>サーバーのホスト名</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>データベース(&amp;D):</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>データベース名</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>セキュリティ(&amp;S):</translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation>接続のセキュリティ</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>CA 証明書(&amp;C):</translation>
    </message>
    <message>
        <source>The file your administrator gave you (.crt, .pem)</source>
        <translation>管理者から受け取ったファイル(.crt、.pem)</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 証明書ファイル</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>参照(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Save and co&amp;nnect</source>
        <translation>保存して接続(&amp;N)</translation>
    </message>
    <message>
        <source>Work &amp;locally</source>
        <translation>ローカルで作業(&amp;L)</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in settings files.</source>
        <translation>パスワードはシステムのキーチェーンに保管され、設定ファイルには保存されません。</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsDialog</name>
    <message>
        <source>Service Levels</source>
        <translation>サービスレベル</translation>
    </message>
    <message>
        <source>SLA &amp;Policies</source>
        <translation>SLA ポリシー(&amp;P)</translation>
    </message>
    <message>
        <source>SLA policies</source>
        <translation>SLA ポリシー</translation>
    </message>
    <message>
        <source>&amp;New Policy</source>
        <translation>新しいポリシー(&amp;N)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Business hours:</source>
        <translation>営業時間(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Default for new tickets</source>
        <translation>新しいチケットの既定にする(&amp;D)</translation>
    </message>
    <message>
        <source>Targets in business hours</source>
        <translation>目標時間(営業時間ベース)</translation>
    </message>
    <message>
        <source>The clock counts only business hours of the chosen calendar and stops while a ticket is pending or on hold. Agents are warned when 75 % of a target has passed.</source>
        <translation>時間は選択したカレンダーの営業時間だけを数え、チケットが「お客様の返答待ち」または「保留(外部待ち)」の間は止まります。目標時間の 75 % が経過するとオペレーターに警告します。</translation>
    </message>
    <message>
        <source>&amp;Business Hours</source>
        <translation>営業時間(&amp;B)</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>New &amp;Calendar</source>
        <translation>新しいカレンダー(&amp;C)</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名前(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>タイムゾーン(&amp;T):</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>曜日ごとの営業時間</translation>
    </message>
    <message>
        <source>Closed on &amp;Japanese national holidays (including substitute holidays)</source>
        <translation>日本の祝日(振替休日を含む)は休業(&amp;J)</translation>
    </message>
    <message>
        <source>Other closed days</source>
        <translation>その他の休業日</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Teams</source>
        <translation>チーム(&amp;T)</translation>
    </message>
    <message>
        <source>How each team hands out new tickets that nobody was chosen for. Only active agents of the team get tickets.</source>
        <translation>担当者が決まっていない新しいチケットを、各チームでどのように割り当てるかを設定します。割り当てられるのは、そのチームで有効なオペレーターだけです。</translation>
    </message>
    <message>
        <source>C&amp;ategories</source>
        <translation>分類(&amp;A)</translation>
    </message>
    <message>
        <source>The categories agents choose from for tickets and interactions. Untick one to stop offering it; tickets that have it keep it. Double-click a name to rename it.</source>
        <translation>チケットや対応履歴でオペレーターが選ぶ分類です。チェックを外すと選択肢に表示されなくなります(設定済みのチケットはそのままです)。名前をダブルクリックすると変更できます。</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>New category name</source>
        <translation>新しい分類名</translation>
    </message>
    <message>
        <source>Add Categor&amp;y</source>
        <translation>分類を追加(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Language and region</source>
        <translation>言語と地域</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Default phone &amp;region:</source>
        <translation>電話番号の既定の地域(&amp;R):</translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>電話番号の既定の地域</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>ローカルのデータベース</translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation>データフォルダー(&amp;F):</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Use &amp;default</source>
        <translation>既定に戻す(&amp;D)</translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation>現在開いているファイル:</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>スキーマのバージョン:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message>
        <source>&amp;Check integrity</source>
        <translation>整合性を確認(&amp;C)</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>チームのサーバー</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>&amp;Working as:</source>
        <translation>担当者(&amp;W):</translation>
    </message>
    <message>
        <source>Working as</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Calls you log and changes you make are recorded under this name in this database.</source>
        <translation>このデータベースでは、記録した通話や変更がこの名前で残ります。</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>表示テーマ(&amp;A):</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>表示テーマ</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>タイムゾーン(&amp;T):</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
</context>
<context>
    <name>Sla</name>
    <message>
        <source>Japan business hours</source>
        <translation>日本の営業時間</translation>
    </message>
    <message>
        <source>“%1” is not a time zone.</source>
        <translation>「%1」はタイムゾーンではありません。</translation>
    </message>
    <message>
        <source>Each working day must close after it opens.</source>
        <translation>各営業日の終了時刻は開始時刻より後にしてください。</translation>
    </message>
    <message>
        <source>At least one day of the week must have business hours.</source>
        <translation>営業時間のある曜日を 1 日以上設定してください。</translation>
    </message>
    <message>
        <source>Choose the business-hours calendar.</source>
        <translation>営業時間カレンダーを選んでください。</translation>
    </message>
    <message>
        <source>Targets must be between 1 minute and 365 days.</source>
        <translation>目標時間は 1 分〜365 日で指定してください。</translation>
    </message>
    <message>
        <source>A resolution target cannot be shorter than the first-response target.</source>
        <translation>解決の目標時間は、初回応答の目標時間より短くできません。</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>標準</translation>
    </message>
</context>
<context>
    <name>SlaBadge</name>
    <message>
        <source>First response</source>
        <translation>初回応答</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>No SLA target</source>
        <translation>SLA 目標なし</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り %1</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>%1 超過</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>達成</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未達</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>%1 から超過</translation>
    </message>
</context>
<context>
    <name>SlaEngine</name>
    <message>
        <source>reading the ticket&apos;s status history</source>
        <translation>チケットのステータス履歴の読み込み</translation>
    </message>
    <message>
        <source>storing the SLA due times</source>
        <translation>SLA 期限の保存</translation>
    </message>
    <message>
        <source>reading the running tickets</source>
        <translation>進行中のチケットの読み込み</translation>
    </message>
</context>
<context>
    <name>SlaRepository</name>
    <message>
        <source>reading the calendars</source>
        <translation>カレンダーの読み込み</translation>
    </message>
    <message>
        <source>The calendar does not exist.</source>
        <translation>このカレンダーは存在しません。</translation>
    </message>
    <message>
        <source>reading the SLA policies</source>
        <translation>SLA ポリシーの読み込み</translation>
    </message>
    <message>
        <source>The SLA policy does not exist.</source>
        <translation>この SLA ポリシーは存在しません。</translation>
    </message>
    <message>
        <source>There is no SLA policy.</source>
        <translation>SLA ポリシーがありません。</translation>
    </message>
</context>
<context>
    <name>StaffingDialog</name>
    <message>
        <source>Staffing Estimate</source>
        <translation>要員計画</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>チャネル(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Observed: arrivals per hour of the week and AHT from the period</source>
        <translation>実績(&amp;O): 期間内の曜日・時間帯別の着信数と平均処理時間</translation>
    </message>
    <message>
        <source>T&amp;yped: the same load every hour</source>
        <translation>入力値(&amp;Y): 毎時同じ負荷</translation>
    </message>
    <message>
        <source>Ca&amp;lls per hour:</source>
        <translation>1 時間あたりの呼数(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;AHT (seconds):</source>
        <translation>平均処理時間・秒(&amp;A):</translation>
    </message>
    <message>
        <source>Service level target</source>
        <translation>サービスレベル目標</translation>
    </message>
    <message>
        <source>A&amp;nswer:</source>
        <translation>応答率(&amp;N):</translation>
    </message>
    <message>
        <source> % of calls</source>
        <translation> % の呼を</translation>
    </message>
    <message>
        <source>&amp;Within:</source>
        <translation>応答時間(&amp;W):</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> 秒以内</translation>
    </message>
    <message>
        <source>S&amp;hrinkage:</source>
        <translation>シュリンケージ(&amp;H):</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Paid time away from the phones: breaks, training, meetings, absence</source>
        <translation>勤務時間のうち電話に出ていない時間: 休憩、研修、会議、欠勤</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>表示(&amp;S):</translation>
    </message>
    <message>
        <source>Agents needed per hour of the week</source>
        <translation>曜日・時間帯ごとに必要なオペレーター数</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>preparing the connection</source>
        <translation>接続の準備中</translation>
    </message>
    <message>
        <source>This database was copied from another computer that also synchronises with the server. Nothing was sent. Ask your administrator to reset this copy.</source>
        <translation>このデータベースは、同じサーバーと同期している別のコンピューターからコピーされたものです。何も送信していません。このコピーのリセットを管理者に依頼してください。</translation>
    </message>
    <message>
        <source>The server is missing earlier changes of this computer. Nothing was sent; keep this database and contact your administrator.</source>
        <translation>このコンピューターの以前の変更がサーバーにありません。何も送信していません。このデータベースを残したまま、管理者に連絡してください。</translation>
    </message>
    <message>
        <source>The connection to the team server was lost while %1. Your changes are kept and will be sent when it is back.</source>
        <translation>%1にチームサーバーとの接続が切れました。変更は保存されており、接続が戻ると送信されます。</translation>
    </message>
    <message>
        <source>reading the server&apos;s tables</source>
        <translation>サーバーのテーブルを読み込み中</translation>
    </message>
    <message>
        <source>reading the local tables</source>
        <translation>ローカルのテーブルを読み込み中</translation>
    </message>
    <message>
        <source>The team server does not have the table %1 this version of Madoguchi needs. Ask your administrator to run “madoguchi-cli server init”.</source>
        <translation>チームサーバーに、このバージョンの Madoguchi が必要とするテーブル %1 がありません。管理者に「madoguchi-cli server init」の実行を依頼してください。</translation>
    </message>
    <message>
        <source>reading the changes to send</source>
        <translation>送信する変更を読み込み中</translation>
    </message>
    <message>
        <source>A change waiting to be sent names an unknown table.</source>
        <translation>送信待ちの変更が不明なテーブルを指しています。</translation>
    </message>
    <message>
        <source>sending changes</source>
        <translation>変更を送信中</translation>
    </message>
    <message>
        <source>recording the server&apos;s answer</source>
        <translation>サーバーの応答を記録中</translation>
    </message>
    <message>
        <source>The server answered %1 of %2 changes sent.</source>
        <translation>送信した %2 件の変更のうち、サーバーの応答は %1 件でした。</translation>
    </message>
    <message>
        <source>preparing to store rows from the server</source>
        <translation>サーバーからの行の保存を準備中</translation>
    </message>
    <message>
        <source>storing rows from the server</source>
        <translation>サーバーからの行を保存中</translation>
    </message>
    <message>
        <source>receiving changes</source>
        <translation>変更を受信中</translation>
    </message>
    <message>
        <source>reapplying changes not yet sent</source>
        <translation>未送信の変更を再適用中</translation>
    </message>
    <message>
        <source>starting to receive changes</source>
        <translation>変更の受信を開始中</translation>
    </message>
    <message>
        <source>clearing the local copy</source>
        <translation>ローカルのコピーを消去中</translation>
    </message>
    <message>
        <source>removing rows no longer shared</source>
        <translation>共有されなくなった行を削除中</translation>
    </message>
    <message>
        <source>This database holds generated demo data, which is never sent to a team server. Open or create another database to connect.</source>
        <translation>このデータベースには生成されたデモデータが入っており、チームサーバーには送信されません。接続するには別のデータベースを開くか作成してください。</translation>
    </message>
    <message>
        <source>comparing clocks with the server</source>
        <translation>サーバーと時計を照合中</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>タイムゾーン(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Lead:</source>
        <translation>リーダー(&amp;L):</translation>
    </message>
    <message>
        <source>New &amp;tickets go to:</source>
        <translation>新しいチケットの割り当て先(&amp;T):</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <source>Reopen</source>
        <translation>再オープン</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Pending (waiting on the customer)</source>
        <translation>お客様の返答待ち</translation>
    </message>
    <message>
        <source>On hold (waiting on a third party)</source>
        <translation>保留(外部の返答待ち)</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>解決済みにする</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>完了にする</translation>
    </message>
</context>
<context>
    <name>TicketHistory</name>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>reading names</source>
        <translation>名前の読み込み</translation>
    </message>
    <message>
        <source>Created as %1</source>
        <translation>ステータス「%1」で作成</translation>
    </message>
    <message>
        <source>Status %1 → %2</source>
        <translation>ステータス %1 → %2</translation>
    </message>
    <message>
        <source>Priority %1 → %2</source>
        <translation>優先度 %1 → %2</translation>
    </message>
    <message>
        <source>Unassigned (was %1)</source>
        <translation>割り当てを解除(元の担当者: %1)</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>%1 に割り当て</translation>
    </message>
    <message>
        <source>Removed from team %1</source>
        <translation>チーム %1 から解除</translation>
    </message>
    <message>
        <source>Moved to team %1</source>
        <translation>チーム %1 に移動</translation>
    </message>
    <message>
        <source>Escalated to %1</source>
        <translation>%1 にエスカレーション</translation>
    </message>
    <message>
        <source>De-escalated to %1</source>
        <translation>%1 に差し戻し</translation>
    </message>
    <message>
        <source>Escalation reason: %1</source>
        <translation>エスカレーションの理由: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>タグ: %1</translation>
    </message>
    <message>
        <source>SLA policy: %1</source>
        <translation>SLA ポリシー: %1</translation>
    </message>
    <message>
        <source>Reopened (time %1)</source>
        <translation>再オープン(%1 回目)</translation>
    </message>
    <message>
        <source>Channel %1 → %2</source>
        <translation>チャネル %1 → %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Subject “%1” → “%2”</source>
        <translation>件名「%1」→「%2」</translation>
    </message>
    <message>
        <source>Description changed</source>
        <translation>説明を変更</translation>
    </message>
    <message>
        <source>Category %1 → %2</source>
        <translation>分類 %1 → %2</translation>
    </message>
</context>
<context>
    <name>TicketNumbers</name>
    <message>
        <source>A ticket number was requested outside a transaction.</source>
        <translation>トランザクションの外でチケット番号が要求されました。</translation>
    </message>
</context>
<context>
    <name>TicketRepository</name>
    <message>
        <source>reading the ticket</source>
        <translation>チケットの読み込み</translation>
    </message>
    <message>
        <source>The ticket does not exist.</source>
        <translation>このチケットは存在しません。</translation>
    </message>
    <message>
        <source>reading the ticket history</source>
        <translation>チケットの変更履歴の読み込み</translation>
    </message>
    <message>
        <source>reading the tickets</source>
        <translation>チケットの読み込み</translation>
    </message>
</context>
<context>
    <name>TicketService</name>
    <message>
        <source>Say why the ticket is escalated.</source>
        <translation>エスカレーションの理由を入力してください。</translation>
    </message>
    <message>
        <source>A solved or closed ticket cannot be escalated; reopen it first.</source>
        <translation>解決済みまたは完了のチケットはエスカレーションできません。先に再オープンしてください。</translation>
    </message>
    <message>
        <source>Choose the team the ticket is escalated to.</source>
        <translation>エスカレーション先のチームを選んでください。</translation>
    </message>
    <message>
        <source>Tier 1 (front line)</source>
        <translation>一次対応(フロント)</translation>
    </message>
    <message>
        <source>Tier 2</source>
        <translation>二次対応</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>チームリーダー</translation>
    </message>
    <message>
        <source>Another department</source>
        <translation>他部署</translation>
    </message>
    <message>
        <source>Satisfaction is recorded once the ticket is solved.</source>
        <translation>満足度はチケットが解決済みになってから記録します。</translation>
    </message>
    <message>
        <source>reading the team</source>
        <translation>チームの読み込み</translation>
    </message>
    <message>
        <source>choosing an agent</source>
        <translation>オペレーターの選択</translation>
    </message>
    <message>
        <source>recording the first response</source>
        <translation>初回応答の記録</translation>
    </message>
    <message>
        <source>A tag has 1 to 50 characters.</source>
        <translation>タグは 1〜50 文字で入力してください。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is deactivated and cannot take tickets. Choose someone else.</source>
        <translation>%1 は無効のため、チケットを担当できません。他の人を選んでください。</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>← &amp;Back</source>
        <translation>← 戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>戻る(Esc)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>ステータス(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>割り当て(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>エスカレーション(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Log Call</source>
        <translation>通話を記録(&amp;L)</translation>
    </message>
    <message>
        <source>Log a call on this ticket (Ctrl+L)</source>
        <translation>このチケットの通話を記録(Ctrl+L)</translation>
    </message>
    <message>
        <source>Record &amp;Satisfaction…</source>
        <translation>満足度を記録(&amp;S)…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顧客:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>優先度(&amp;P):</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>担当者:</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>チーム:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>チャネル:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>分類:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>タグ:</translation>
    </message>
    <message>
        <source>SLA p&amp;olicy:</source>
        <translation>SLA ポリシー(&amp;O):</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>期限:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>作成日時:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Ticket history</source>
        <translation>チケットの履歴</translation>
    </message>
    <message>
        <source>Escalation:</source>
        <translation>エスカレーション:</translation>
    </message>
</context>
<context>
    <name>TicketWorkflow</name>
    <message>
        <source>The ticket already has this status.</source>
        <translation>チケットはすでにこのステータスです。</translation>
    </message>
    <message>
        <source>A closed ticket cannot change; create a follow-up ticket instead.</source>
        <translation>完了したチケットは変更できません。代わりにフォローアップのチケットを作成してください。</translation>
    </message>
    <message>
        <source>A ticket cannot go back to New once someone has worked on it.</source>
        <translation>対応が始まったチケットを「新規」に戻すことはできません。</translation>
    </message>
    <message>
        <source>A ticket can only be closed after it is solved.</source>
        <translation>チケットは解決済みになってから完了にできます。</translation>
    </message>
    <message>
        <source>A solved ticket can only be reopened or closed.</source>
        <translation>解決済みのチケットは、再オープンするか完了にすることしかできません。</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <source>Queues</source>
        <translation>キュー</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>チケット</translation>
    </message>
    <message>
        <source>&amp;New Ticket…</source>
        <translation>新しいチケット(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a ticket (Ctrl+N)</source>
        <translation>チケットを作成(Ctrl+N)</translation>
    </message>
    <message>
        <source>Find by ticket number or subject</source>
        <translation>チケット番号または件名で検索</translation>
    </message>
    <message>
        <source>Find tickets</source>
        <translation>チケットを検索</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>優先度で絞り込み</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>ステータスで絞り込み</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>並べ替え(&amp;S):</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>並び順</translation>
    </message>
    <message>
        <source>Save &amp;Filter…</source>
        <translation>フィルターを保存(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>割り当て(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>ステータス(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>優先度(&amp;P)</translation>
    </message>
    <message>
        <source>Add T&amp;ag…</source>
        <translation>タグを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Tickets in the queue</source>
        <translation>キュー内のチケット</translation>
    </message>
    <message>
        <source>← Dashboard</source>
        <translation>← ダッシュボード</translation>
    </message>
    <message>
        <source>Back to the dashboard, with its period and filters</source>
        <translation>期間と絞り込みはそのままでダッシュボードに戻ります</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>A name is required.</source>
        <translation>名前を入力してください。</translation>
    </message>
    <message numerus="yes">
        <source>The name is longer than %n characters.</source>
        <translation>
            <numerusform>名前が %n 文字を超えています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text is longer than %n characters.</source>
        <translation>
            <numerusform>テキストが %n 文字を超えています。</numerusform>
        </translation>
    </message>
    <message>
        <source>The reading may contain only kana or Latin letters, e.g. ヤマダショウジ.</source>
        <translation>フリガナにはかなかローマ字だけを使えます(例: ヤマダショウジ)。</translation>
    </message>
    <message>
        <source>The reading may contain only kana or Latin letters, e.g. ヤマダ タロウ.</source>
        <translation>フリガナにはかなかローマ字だけを使えます(例: ヤマダ タロウ)。</translation>
    </message>
    <message>
        <source>%1 is not a valid phone number.</source>
        <translation>%1 は有効な電話番号ではありません。</translation>
    </message>
    <message>
        <source>Tags must be 1 to 50 characters long.</source>
        <translation>タグは 1〜50 文字で入力してください。</translation>
    </message>
    <message>
        <source>Choose the customer this interaction was with.</source>
        <translation>この対応のお客様を選んでください。</translation>
    </message>
    <message>
        <source>Enter when the interaction started.</source>
        <translation>対応の開始日時を入力してください。</translation>
    </message>
    <message>
        <source>Durations cannot be negative.</source>
        <translation>時間にマイナスは指定できません。</translation>
    </message>
    <message>
        <source>An interaction cannot last longer than a day.</source>
        <translation>1 回の対応は 1 日を超えられません。</translation>
    </message>
    <message>
        <source>Enter when the customer should be called back.</source>
        <translation>折り返しの日時を入力してください。</translation>
    </message>
    <message>
        <source>Choose the customer this ticket is for.</source>
        <translation>このチケットのお客様を選んでください。</translation>
    </message>
    <message>
        <source>A subject is required.</source>
        <translation>件名を入力してください。</translation>
    </message>
    <message numerus="yes">
        <source>The subject is longer than %n characters.</source>
        <translation>
            <numerusform>件名が %n 文字を超えています。</numerusform>
        </translation>
    </message>
    <message>
        <source>The ticket has no number.</source>
        <translation>チケットに番号がありません。</translation>
    </message>
    <message>
        <source>The escalation level must be between 0 and 3.</source>
        <translation>エスカレーションのレベルは 0〜3 で指定してください。</translation>
    </message>
    <message>
        <source>The satisfaction score must be between 1 and 5.</source>
        <translation>満足度は 1〜5 で指定してください。</translation>
    </message>
    <message>
        <source>The recommendation score must be between 0 and 10.</source>
        <translation>推奨度は 0〜10 で指定してください。</translation>
    </message>
    <message>
        <source>The effort score must be between 1 and 7.</source>
        <translation>負担度は 1〜7 で指定してください。</translation>
    </message>
    <message>
        <source>Enter at least one score.</source>
        <translation>スコアを 1 つ以上入力してください。</translation>
    </message>
    <message>
        <source>E-mail address used</source>
        <translation>使用したメールアドレス</translation>
    </message>
    <message>
        <source>Chat reference</source>
        <translation>チャットの参照番号</translation>
    </message>
    <message>
        <source>Account or service</source>
        <translation>アカウント・サービス</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>訪問場所</translation>
    </message>
    <message>
        <source>Page or form</source>
        <translation>ページ・フォーム</translation>
    </message>
    <message>
        <source>The subject must have 1 to 300 characters.</source>
        <translation>件名は 1〜300 文字で入力してください。</translation>
    </message>
    <message>
        <source>The reading may contain only kana or Latin letters, e.g. サトウ アイコ.</source>
        <translation>フリガナにはかなかローマ字だけを使えます(例: サトウ アイコ)。</translation>
    </message>
</context>
<context>
    <name>WorkspaceSetup</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This workspace is set up already: change its people and teams in Settings ▸ People and teams.</source>
        <translation>このワークスペースはすでに設定済みです。メンバーとチームは「設定 ▸ メンバーとチーム」で変更してください。</translation>
    </message>
</context>
<context>
    <name>madoguchi::AboutDialog</name>
    <message>
        <source>Madoguchi 窓口</source>
        <translation>窓口 Madoguchi</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Qt %1 on %2
Database: %3 (schema %4)</source>
        <translation>Qt %1 / %2
データベース: %3(スキーマ %4)</translation>
    </message>
</context>
<context>
    <name>madoguchi::AgentDialog</name>
    <message>
        <source>Add Agent</source>
        <translation>オペレーターを追加</translation>
    </message>
    <message>
        <source>Edit Agent</source>
        <translation>オペレーターを編集</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>Give the agent a name.</source>
        <translation>オペレーターの名前を入力してください。</translation>
    </message>
    <message>
        <source>Give the agent a login for the team server.</source>
        <translation>チームサーバーのログイン名を入力してください。</translation>
    </message>
    <message>
        <source>Agent not saved</source>
        <translation>オペレーターは保存されていません</translation>
    </message>
</context>
<context>
    <name>madoguchi::AgentDirectoryModel</name>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>よみがな</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>madoguchi::AgentKpiModel</name>
    <message>
        <source>Agent</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>対応件数</translation>
    </message>
    <message>
        <source>AHT</source>
        <translation>平均処理時間</translation>
    </message>
    <message>
        <source>First response (median)</source>
        <translation>初回応答(中央値)</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>顧客満足度</translation>
    </message>
    <message>
        <source>FCR</source>
        <translation>一次解決率</translation>
    </message>
    <message>
        <source>QA score</source>
        <translation>品質評価</translation>
    </message>
</context>
<context>
    <name>madoguchi::BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>このデータベースのバックアップはまだありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the team server were made after this backup. Restoring carries them over into the restored database.</source>
        <translation>
            <numerusform>このバックアップの後に、チームサーバーへ未送信の変更が %n 件あります。復元すると、それらは復元したデータベースに引き継がれます。</numerusform>
        </translation>
    </message>
    <message>
        <source>The current database cannot be read. Changes made since this backup that were not sent to the team server stay in the replaced file, which is kept in the backup folder.</source>
        <translation>現在のデータベースを読み取れません。このバックアップ以降の、チームサーバーへ未送信の変更は置き換えられたファイルに残り、そのファイルはバックアップフォルダーに保管されます。</translation>
    </message>
    <message>
        <source>Every change made since this backup has reached the team server or is in the backup.</source>
        <translation>このバックアップ以降の変更は、すべてチームサーバーに届いているか、バックアップに含まれています。</translation>
    </message>
</context>
<context>
    <name>madoguchi::CannedResponsesDialog</name>
    <message>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>Leave as it is</source>
        <translation>変更しない</translation>
    </message>
    <message>
        <source>Delete the canned response?</source>
        <translation>定型文を削除しますか?</translation>
    </message>
    <message>
        <source>“%1” will no longer be offered to anyone.</source>
        <translation>「%1」は誰にも表示されなくなります。</translation>
    </message>
    <message>
        <source>Shared with: %1</source>
        <translation>共有先: %1</translation>
    </message>
</context>
<context>
    <name>madoguchi::ChartCard</name>
    <message>
        <source>Save or export this chart</source>
        <translation>このグラフを保存・エクスポート</translation>
    </message>
    <message>
        <source>Chart menu: %1</source>
        <translation>グラフのメニュー: %1</translation>
    </message>
    <message>
        <source>Save as &amp;Image…</source>
        <translation>画像として保存(&amp;I)…</translation>
    </message>
    <message>
        <source>Export &amp;Data as CSV…</source>
        <translation>データを CSV でエクスポート(&amp;D)…</translation>
    </message>
    <message>
        <source>Could not save the picture to %1.</source>
        <translation>画像を %1 に保存できませんでした。</translation>
    </message>
    <message>
        <source>Save Chart as Image</source>
        <translation>グラフを画像として保存</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export Chart Data</source>
        <translation>グラフのデータをエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
</context>
<context>
    <name>madoguchi::ConflictsDialog</name>
    <message>
        <source>Your value is applied again and will be sent with the next sync.</source>
        <translation>あなたの値を再適用しました。次の同期で送信されます。</translation>
    </message>
    <message>
        <source>The server&apos;s value stays. The conflict is closed.</source>
        <translation>サーバーの値を採用し、競合を閉じました。</translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomerForm</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomerListModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最終連絡日時</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未解決チケット</translation>
    </message>
    <message>
        <source>reading the customer list</source>
        <translation>顧客一覧の読み込み</translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomerPicker</name>
    <message>
        <source>Phone number, name, reading, company or e-mail</source>
        <translation>電話番号・氏名・読み・会社・メール</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>該当する顧客</translation>
    </message>
    <message>
        <source>Several customers share this number; choose one.</source>
        <translation>この番号の顧客が複数います。1 人を選んでください。</translation>
    </message>
    <message>
        <source>Choose the customer (Enter, then ↑↓ and Enter).</source>
        <translation>顧客を選んでください(Enter のあと ↑↓ と Enter)。</translation>
    </message>
    <message>
        <source>No customer matches. Check the spelling, or create a new customer.</source>
        <translation>該当する顧客はいません。表記を確認するか、新しい顧客を作成してください。</translation>
    </message>
    <message>
        <source>No customer matches. Add the customer first, or check the spelling.</source>
        <translation>該当する顧客はいません。先に顧客を登録するか、表記を確認してください。</translation>
    </message>
    <message>
        <source>Create a &amp;new customer</source>
        <translation>新しい顧客を作成(&amp;N)</translation>
    </message>
    <message>
        <source>No customer has a number with these digits.</source>
        <translation>この数字を含む番号の顧客はいません。</translation>
    </message>
    <message>
        <source>%1 is not a known number.</source>
        <translation>%1 は登録されていない番号です。</translation>
    </message>
    <message>
        <source>%1 is not a known number. Add the customer first, or check the number.</source>
        <translation>%1 は登録されていない番号です。先に顧客を登録するか、番号を確認してください。</translation>
    </message>
    <message>
        <source>Create a &amp;new customer with this number</source>
        <translation>この番号で新しい顧客を作成(&amp;N)</translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomerTimelineModel</name>
    <message>
        <source>reading the customer&apos;s history</source>
        <translation>顧客の履歴の読み込み</translation>
    </message>
    <message>
        <source>Ticket %1 created</source>
        <translation>チケット %1 を作成</translation>
    </message>
    <message>
        <source>ticket %1</source>
        <translation>チケット %1</translation>
    </message>
    <message numerus="yes">
        <source>Merged the duplicate record “%1” into this customer (%n item(s) moved)</source>
        <translation>
            <numerusform>重複した記録「%1」をこの顧客に統合(%n 件を移動)</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket %1: %2</source>
        <translation>チケット %1: %2</translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomerView</name>
    <message>
        <source>Everything</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>last contact %1</source>
        <translation>最終連絡 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s)</source>
        <translation>
            <numerusform>未解決チケット %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a ticket for this customer (Ctrl+N)</source>
        <translation>この顧客のチケットを作成(Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomersPage</name>
    <message>
        <source>Reading (あいうえお)</source>
        <translation>フリガナ順(あいうえお)</translation>
    </message>
    <message>
        <source>Last contact, newest first</source>
        <translation>最終連絡日時の新しい順</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Show the list from the beginning</source>
        <translation>一覧を先頭から表示</translation>
    </message>
    <message>
        <source>Jump to readings starting with %1</source>
        <translation>フリガナが「%1」で始まる位置へ移動</translation>
    </message>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>「%1」に一致する顧客はいません。</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), best first</source>
        <translation>
            <numerusform>%n 件一致(関連度の高い順)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n customer(s); scroll for more.</source>
        <translation>
            <numerusform>先頭の %n 件を表示中。スクロールすると続きを表示します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>顧客 %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;No customers yet — &lt;a href=&quot;new&quot;&gt;add one&lt;/a&gt; or &lt;a href=&quot;log&quot;&gt;log a call&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;A caller you log who is not on file is added with the call.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;まだ顧客はいません — &lt;a href=&quot;new&quot;&gt;顧客を追加&lt;/a&gt;するか、&lt;a href=&quot;log&quot;&gt;通話を記録&lt;/a&gt;してください。&lt;/p&gt;&lt;p&gt;未登録の発信者は、通話の記録と一緒に顧客として登録されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation>まだ顧客はいません</translation>
    </message>
</context>
<context>
    <name>madoguchi::DashboardPage</name>
    <message>
        <source>Minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>今四半期</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>期間を指定</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>すべてのチャネル</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>すべての優先度</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>すべてのチーム</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>すべてのオペレーター</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>すべての分類</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1～%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1(%n 日間)</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>数値を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>%1 · changes against %2 – %3</source>
        <translation>%1 · 増減は %2～%3 との比較</translation>
    </message>
    <message>
        <source>Tickets created</source>
        <translation>作成チケット</translation>
    </message>
    <message>
        <source>Tickets solved</source>
        <translation>解決チケット</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>First response (median)</source>
        <translation>初回応答(中央値)</translation>
    </message>
    <message>
        <source>Resolution (median)</source>
        <translation>解決時間(中央値)</translation>
    </message>
    <message>
        <source>Average handle time</source>
        <translation>平均処理時間</translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation>エスカレーション率</translation>
    </message>
    <message>
        <source>First contact resolution</source>
        <translation>一次解決率</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>再オープン率</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>顧客満足度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>SLA: first response</source>
        <translation>SLA: 初回応答</translation>
    </message>
    <message>
        <source>SLA: resolution</source>
        <translation>SLA: 解決</translation>
    </message>
    <message>
        <source>nothing to compare</source>
        <translation>比較できる数値なし</translation>
    </message>
    <message>
        <source>● no change</source>
        <translation>● 変化なし</translation>
    </message>
    <message>
        <source>▲ new</source>
        <translation>▲ 新規</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 ポイント</translation>
    </message>
    <message>
        <source>Click to list the tickets behind this figure.</source>
        <translation>クリックすると、この数値の元になったチケットを一覧表示します。</translation>
    </message>
    <message>
        <source>Tickets created in the period (previous period: %1).</source>
        <translation>期間内に作成されたチケット(前の期間: %1)。</translation>
    </message>
    <message>
        <source>Tickets whose last solve fell in the period (previous period: %1).</source>
        <translation>最後の解決が期間内にあったチケット(前の期間: %1)。</translation>
    </message>
    <message>
        <source>Tickets not solved or closed at the end of the period (at the end of the previous period: %1).</source>
        <translation>期間末の時点で解決済みでも完了でもないチケット(前の期間末: %1)。</translation>
    </message>
    <message>
        <source>Median time to the first response, tickets created in the period. p90: %1; in business hours: %2.</source>
        <translation>期間内に作成されたチケットの初回応答までの時間の中央値。p90: %1、営業時間換算: %2。</translation>
    </message>
    <message>
        <source>Median time from creation to the last solve, tickets solved in the period. p90: %1; in business hours: %2.</source>
        <translation>期間内に解決されたチケットの作成から最後の解決までの時間の中央値。p90: %1、営業時間換算: %2。</translation>
    </message>
    <message>
        <source>Talk plus wrap-up time, averaged over phone and chat contacts started in the period.</source>
        <translation>期間内に始まった電話とチャットの対応の、通話時間と後処理時間の合計の平均。</translation>
    </message>
    <message>
        <source>Tickets created in the period whose escalation level was raised.</source>
        <translation>期間内に作成され、エスカレーションのレベルが上がったチケットの割合。</translation>
    </message>
    <message>
        <source>Tickets solved in the period with exactly one agent contact and never reopened.</source>
        <translation>期間内に解決されたチケットのうち、オペレーターの対応が 1 回だけで、再オープンされなかったものの割合。</translation>
    </message>
    <message>
        <source>Tickets solved in the period that were reopened at least once.</source>
        <translation>期間内に解決されたチケットのうち、1 回以上再オープンされたものの割合。</translation>
    </message>
    <message>
        <source>Survey responses received in the period that scored 4 or 5.</source>
        <translation>期間内に届いたアンケート回答のうち、4 または 5 の評価の割合。</translation>
    </message>
    <message>
        <source>Promoters (9–10) minus detractors (0–6), in % of the NPS responses received in the period.</source>
        <translation>期間内に届いた NPS 回答に占める推奨者(9～10)の割合から批判者(0～6)の割合を引いた値。</translation>
    </message>
    <message>
        <source>First responses met on time, of those met or fallen due in the period (business hours). Click to list the breaches.</source>
        <translation>期間内に応答したか期限が来た初回応答のうち、期限内だったものの割合(営業時間)。クリックすると期限超過の一覧を表示します。</translation>
    </message>
    <message>
        <source>Resolutions met on time, of those met or fallen due in the period (business hours). Click to list the breaches.</source>
        <translation>期間内に解決したか期限が来た解決目標のうち、期限内だったものの割合(営業時間)。クリックすると期限超過の一覧を表示します。</translation>
    </message>
    <message>
        <source>Created, %1</source>
        <translation>作成: %1</translation>
    </message>
    <message>
        <source>Solved, %1</source>
        <translation>解決: %1</translation>
    </message>
    <message>
        <source>Backlog at the end of %1</source>
        <translation>%1 末の未解決</translation>
    </message>
    <message>
        <source>First responses, tickets created %1</source>
        <translation>初回応答あり: %1 に作成</translation>
    </message>
    <message>
        <source>Resolved, %1</source>
        <translation>解決: %1</translation>
    </message>
    <message>
        <source>Phone and chat contacts, %1</source>
        <translation>電話・チャット対応: %1</translation>
    </message>
    <message>
        <source>Escalated, created %1</source>
        <translation>エスカレーション: %1 に作成</translation>
    </message>
    <message>
        <source>Solved at first contact, %1</source>
        <translation>一次解決: %1</translation>
    </message>
    <message>
        <source>Reopened, solved %1</source>
        <translation>再オープンあり: %1 に解決</translation>
    </message>
    <message>
        <source>Rated by the customer, %1</source>
        <translation>お客様の評価あり: %1</translation>
    </message>
    <message>
        <source>First response breached, %1</source>
        <translation>初回応答の期限超過: %1</translation>
    </message>
    <message>
        <source>Resolution breached, %1</source>
        <translation>解決の期限超過: %1</translation>
    </message>
    <message>
        <source>MMM d</source>
        <extracomment>Date format of chart labels (day and month, no year): Qt date format.</extracomment>
        <translation>M/d</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>Double-click an agent to list the tickets they solved in the period.</source>
        <translation>オペレーターをダブルクリックすると、期間内にその人が解決したチケットを一覧表示します。</translation>
    </message>
    <message>
        <source>Solved by %1, %2</source>
        <translation>%1 が解決: %2</translation>
    </message>
    <message>
        <source>Created and solved</source>
        <translation>作成と解決</translation>
    </message>
    <message>
        <source>First response time</source>
        <translation>初回応答時間</translation>
    </message>
    <message>
        <source>Resolution time</source>
        <translation>解決時間</translation>
    </message>
    <message>
        <source>SLA compliance by priority</source>
        <translation>優先度別の SLA 達成率</translation>
    </message>
    <message>
        <source>Backlog by age</source>
        <translation>未解決の経過日数</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>顧客満足度</translation>
    </message>
    <message>
        <source>Contacts and tickets by channel</source>
        <translation>チャネル別の対応とチケット</translation>
    </message>
    <message>
        <source>Solved per agent</source>
        <translation>オペレーター別の解決数</translation>
    </message>
    <message>
        <source>Incoming contacts by weekday and hour</source>
        <translation>曜日・時間帯別の着信</translation>
    </message>
    <message>
        <source>Staffing…</source>
        <translation>要員計画…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Backlog at the end</source>
        <translation>期末の未解決</translation>
    </message>
    <message>
        <source>Median (minutes)</source>
        <translation>中央値(分)</translation>
    </message>
    <message>
        <source>p90 (minutes)</source>
        <translation>p90(分)</translation>
    </message>
    <message>
        <source>CSAT (%)</source>
        <translation>顧客満足度(%)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>First response met</source>
        <translation>初回応答 期限内</translation>
    </message>
    <message>
        <source>First response breached</source>
        <translation>初回応答 期限超過</translation>
    </message>
    <message>
        <source>First response (%)</source>
        <translation>初回応答(%)</translation>
    </message>
    <message>
        <source>Resolution met</source>
        <translation>解決 期限内</translation>
    </message>
    <message>
        <source>Resolution breached</source>
        <translation>解決 期限超過</translation>
    </message>
    <message>
        <source>Resolution (%)</source>
        <translation>解決(%)</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>経過日数</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>チケット</translation>
    </message>
    <message>
        <source>Under 1 day</source>
        <translation>1 日未満</translation>
    </message>
    <message>
        <source>1–3 days</source>
        <translation>1～3 日</translation>
    </message>
    <message>
        <source>3–7 days</source>
        <translation>3～7 日</translation>
    </message>
    <message>
        <source>7–30 days</source>
        <translation>7～30 日</translation>
    </message>
    <message>
        <source>Over 30 days</source>
        <translation>30 日超</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>対応件数</translation>
    </message>
    <message>
        <source>Incoming contacts</source>
        <translation>着信</translation>
    </message>
    <message>
        <source>AHT (seconds)</source>
        <translation>平均処理時間(秒)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>First response median (minutes)</source>
        <translation>初回応答の中央値(分)</translation>
    </message>
    <message>
        <source>FCR (%)</source>
        <translation>一次解決率(%)</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>曜日</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>時</translation>
    </message>
    <message>
        <source>Average per hour</source>
        <translation>1 時間あたりの平均</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>週の開始日</translation>
    </message>
    <message>
        <source>%1, %2: %3 — click to list them</source>
        <translation>%1、%2: %3 件 — クリックで一覧表示</translation>
    </message>
    <message>
        <source>Open at the end of the day</source>
        <translation>日末の未解決</translation>
    </message>
    <message>
        <source>Open at the end of the week</source>
        <translation>週末の未解決</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中央値</translation>
    </message>
    <message>
        <source>p90 (9 in 10 within)</source>
        <translation>p90(10 件中 9 件がこの時間内)</translation>
    </message>
    <message>
        <source>First responses</source>
        <translation>初回応答あり</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>Rated by the customer</source>
        <translation>お客様の評価あり</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>初回応答</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>First response breached, %1, %2</source>
        <translation>初回応答の期限超過、%1: %2</translation>
    </message>
    <message>
        <source>Resolution breached, %1, %2</source>
        <translation>解決の期限超過、%1: %2</translation>
    </message>
    <message>
        <source>%1 met, %2 breached — click to list the breaches</source>
        <translation>期限内 %1 件、期限超過 %2 件 — クリックで期限超過の一覧</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未解決チケット</translation>
    </message>
    <message>
        <source>Backlog %1 old, at the end of %2</source>
        <translation>経過 %1 の未解決: %2 末</translation>
    </message>
    <message>
        <source>Created via %1, %2</source>
        <translation>%1 で作成: %2</translation>
    </message>
    <message>
        <source>Save Report as &amp;PDF…</source>
        <translation>レポートを PDF で保存(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Print Report…</source>
        <translation>レポートを印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Chart &amp;Data as CSV</source>
        <translation>グラフのデータを CSV で(&amp;D)</translation>
    </message>
    <message>
        <source>Chart as &amp;Image</source>
        <translation>グラフを画像で(&amp;I)</translation>
    </message>
    <message>
        <source>KPI report %1.pdf</source>
        <translation>KPIレポート %1.pdf</translation>
    </message>
    <message>
        <source>Save Report as PDF</source>
        <translation>レポートを PDF で保存</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <source>There are no figures to report yet.</source>
        <translation>レポートにする数値がまだありません。</translation>
    </message>
    <message>
        <source>KPI report</source>
        <translation>KPI レポート</translation>
    </message>
    <message>
        <source>Print Report</source>
        <translation>レポートを印刷</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;No data in this period for these filters.&lt;/p&gt;&lt;p&gt;Choose &lt;a href=&quot;period&quot;&gt;another period&lt;/a&gt;, or &lt;a href=&quot;filters&quot;&gt;show every team, agent and channel&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;この期間・この条件のデータはありません。&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;period&quot;&gt;別の期間&lt;/a&gt;を選ぶか、&lt;a href=&quot;filters&quot;&gt;すべてのチーム・オペレーター・チャネルを表示&lt;/a&gt;してください。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;No data in this period.&lt;/p&gt;&lt;p&gt;Tickets, calls and survey answers are counted here. Choose &lt;a href=&quot;period&quot;&gt;another period&lt;/a&gt;, or fill this one: &lt;a href=&quot;log&quot;&gt;log a call&lt;/a&gt; or &lt;a href=&quot;ticket&quot;&gt;create a ticket&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;この期間のデータはありません。&lt;/p&gt;&lt;p&gt;チケット、通話、アンケートの回答がここで集計されます。&lt;a href=&quot;period&quot;&gt;別の期間&lt;/a&gt;を選ぶか、&lt;a href=&quot;log&quot;&gt;通話を記録&lt;/a&gt;または&lt;a href=&quot;ticket&quot;&gt;チケットを作成&lt;/a&gt;してください。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No data in this period for these filters</source>
        <translation>この期間・この条件のデータはありません</translation>
    </message>
    <message>
        <source>No data in this period</source>
        <translation>この期間のデータはありません</translation>
    </message>
</context>
<context>
    <name>madoguchi::DatabaseCare</name>
    <message>
        <source>Database damaged</source>
        <translation>データベースの破損</translation>
    </message>
    <message>
        <source>&amp;Restore a Backup…</source>
        <translation>バックアップを復元(&amp;R)…</translation>
    </message>
    <message>
        <source>The newest backup is from %1.</source>
        <translation>最新のバックアップは %1 のものです。</translation>
    </message>
    <message>
        <source>There is no backup of it.</source>
        <translation>バックアップはありません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The database file is damaged&lt;/b&gt;, so nothing can be saved to it. %1</source>
        <translation>&lt;b&gt;データベースファイルが破損しています&lt;/b&gt;。何も保存できません。%1</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>データベースを開けません</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 cannot be opened:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1 を開けません:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>The newest backup is from %1. Restoring it keeps the damaged file in the backup folder; the changes not yet sent that can still be read from it are carried over.</source>
        <translation>最新のバックアップは %1 のものです。復元すると、破損したファイルはバックアップフォルダーに残し、そこから読み取れる未送信の変更は引き継ぎます。</translation>
    </message>
    <message>
        <source>Restore the Newest Backup</source>
        <translation>最新のバックアップを復元</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>madoguchi::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
</context>
<context>
    <name>madoguchi::DuplicatesDialog</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>ランク</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Older record</source>
        <translation>古い記録</translation>
    </message>
    <message>
        <source>Newer record</source>
        <translation>新しい記録</translation>
    </message>
    <message>
        <source>No likely duplicates were found.</source>
        <translation>重複の可能性がある顧客は見つかりませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of customers look like the same person entered twice. Check each pair before merging.</source>
        <translation>
            <numerusform>同じ人が二重に登録されている可能性がある組が %n 組あります。統合する前に 1 組ずつ確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n pairs of customers that look like the same person entered twice, strongest evidence first. Check each pair before merging.</source>
        <translation>
            <numerusform>同じ人が二重に登録されている可能性がある組のうち、根拠の強い順に先頭の %n 組を表示しています。統合する前に 1 組ずつ確認してください。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::EscalateDialog</name>
    <message>
        <source>%1 is at %2.</source>
        <translation>%1 の現在の対応レベルは「%2」です。</translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation>%1 に戻す</translation>
    </message>
    <message>
        <source>Keep with the current team and agent</source>
        <translation>現在のチームと担当者のまま</translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation>エスカレーション(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;De-escalate</source>
        <translation>差し戻し(&amp;D)</translation>
    </message>
    <message>
        <source>Anyone in the team</source>
        <translation>指定なし(チームの誰か)</translation>
    </message>
</context>
<context>
    <name>madoguchi::FirstRunWizard</name>
    <message>
        <source>%1–%2</source>
        <translation>%1〜%2</translation>
    </message>
    <message>
        <source>%1 %2–%3</source>
        <translation>%1 %2〜%3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>Set up &amp;later</source>
        <translation>あとで設定(&amp;L)</translation>
    </message>
    <message>
        <source>Start with an empty workspace; add people later in Settings ▸ People.</source>
        <translation>空のワークスペースで始めます。メンバーはあとで「設定 ▸ メンバー」から追加できます。</translation>
    </message>
    <message>
        <source>Customer Support</source>
        <translation>カスタマーサポート</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>続ける(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Start working</source>
        <translation>使い始める(&amp;S)</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>名前を入力してください。</translation>
    </message>
    <message>
        <source>Enter your team&apos;s name.</source>
        <translation>チーム名を入力してください。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>何も保存されていません: %1</translation>
    </message>
    <message>
        <source>Enter the teammate&apos;s name.</source>
        <translation>メンバーの名前を入力してください。</translation>
    </message>
    <message>
        <source>%1 is already on the list.</source>
        <translation>%1 はすでに一覧にあります。</translation>
    </message>
    <message>
        <source>&lt;b&gt;You:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;あなた:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1; closed on Japanese national holidays</source>
        <translation>%1(日本の祝日は休み)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Team:&lt;/b&gt; %1, %2</source>
        <translation>&lt;b&gt;チーム:&lt;/b&gt; %1、%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Business hours:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;営業時間:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Teammates:&lt;/b&gt; none yet</source>
        <translation>&lt;b&gt;メンバー:&lt;/b&gt; まだいません</translation>
    </message>
    <message>
        <source>&lt;b&gt;Teammates:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;メンバー:&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>&amp;Work on this computer</source>
        <translation>このコンピューターで作業する(&amp;W)</translation>
    </message>
    <message>
        <source>This database has its people already; you can connect a team server later.</source>
        <translation>このデータベースにはすでにメンバーが登録されています。チームサーバーにはあとで接続できます。</translation>
    </message>
</context>
<context>
    <name>madoguchi::HandOverDialog</name>
    <message numerus="yes">
        <source>%1 still holds %n open ticket(s). Give them to a colleague, or leave them unassigned in their team&apos;s queue.</source>
        <translation>
            <numerusform>%1 には未解決のチケットが %n 件あります。同僚に引き継ぐか、担当者なしでチームのキューに残してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Nobody: leave them unassigned</source>
        <translation>引き継がない(担当者なしにする)</translation>
    </message>
    <message>
        <source>&amp;Hand On</source>
        <translation>引き継ぐ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keep Them for Now</source>
        <translation>今はそのままにする(&amp;K)</translation>
    </message>
    <message>
        <source>Tickets not handed on</source>
        <translation>チケットは引き継がれていません</translation>
    </message>
</context>
<context>
    <name>madoguchi::HeatmapWidget</name>
    <message>
        <source>Arrivals by weekday and hour</source>
        <translation>曜日・時間帯別の着信</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2:00–%3:00: %Ln contact(s), %4 an hour on average</source>
        <translation>
            <numerusform>%1 %2:00～%3:00: %Ln 件、1 時間あたり平均 %4 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::LogInteractionDialog</name>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>再開(&amp;M)</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>停止(&amp;P)</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>件名(&amp;B):</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>要旨(&amp;M):</translation>
    </message>
    <message>
        <source>Log Call</source>
        <translation>通話を記録</translation>
    </message>
    <message>
        <source>Log %1</source>
        <translation>%1を記録</translation>
    </message>
    <message>
        <source>Choose the customer first: type their phone number or name.</source>
        <translation>先に顧客を選んでください。電話番号か名前を入力します。</translation>
    </message>
    <message>
        <source>Discard this log?</source>
        <translation>この記録を破棄しますか?</translation>
    </message>
    <message>
        <source>The notes and details you entered will be lost.</source>
        <translation>入力したメモと内容は失われます。</translation>
    </message>
    <message>
        <source>Give the interaction a subject or a category: the new ticket is named after it.</source>
        <translation>件名か分類を入力してください。新しいチケットの件名に使われます。</translation>
    </message>
    <message>
        <source>No canned responses yet (Ticket → Canned Responses…)</source>
        <translation>定型文はまだありません(チケット → 定型文…)</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>ステータス「%1」</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>優先度「%1」</translation>
    </message>
    <message>
        <source>tags %1</source>
        <translation>タグ「%1」</translation>
    </message>
    <message>
        <source>On saving, the ticket gets: %1.</source>
        <translation>保存すると、チケットに次の変更が加わります: %1。</translation>
    </message>
</context>
<context>
    <name>madoguchi::MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>チケット</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <source>Madoguchi databases (*.sqlite *.db);;All files (*)</source>
        <translation>窓口のデータベース (*.sqlite *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Madoguchi</source>
        <translation>窓口について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Database status</source>
        <translation>データベースの状態</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>デモデータ</translation>
    </message>
    <message>
        <source>This database holds generated demo data. It is never sent to a team server.</source>
        <translation>このデータベースには自動生成したデモデータが入っています。チームのサーバーには送信されません。</translation>
    </message>
    <message>
        <source>Local only — no team server configured</source>
        <translation>ローカルのみ — チームのサーバーは未設定</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>同期の状態</translation>
    </message>
    <message>
        <source>Changes are saved in the local database and kept for synchronisation once a team server is set up.</source>
        <translation>変更はローカルのデータベースに保存され、チームのサーバーを設定すると同期されます。</translation>
    </message>
    <message>
        <source>%1 — Madoguchi</source>
        <translation>%1 — 窓口</translation>
    </message>
    <message>
        <source>%1 — reading…</source>
        <translation>%1 — 読み込み中…</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>Problems found: %1</source>
        <translation>問題が見つかりました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Local only — %n change(s) kept for sync</source>
        <translation>
            <numerusform>ローカルのみ — 同期待ちの変更 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>データベースを開けません</translation>
    </message>
    <message>
        <source>&amp;Find Customer</source>
        <translation>顧客を検索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>対応(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Log Call…</source>
        <translation>通話を記録(&amp;L)…</translation>
    </message>
    <message>
        <source>Log &amp;Other Interaction…</source>
        <translation>その他の対応を記録(&amp;O)…</translation>
    </message>
    <message>
        <source>Interaction saved.</source>
        <translation>対応を保存しました。</translation>
    </message>
    <message>
        <source>Continue the unsaved log?</source>
        <translation>保存されていない記録を続けますか?</translation>
    </message>
    <message>
        <source>An interaction you were logging was not saved (last change %1). Continue where you stopped?</source>
        <translation>記録中の対応が保存されていません(最終変更 %1)。続きから入力しますか?</translation>
    </message>
    <message>
        <source>Customer saved.</source>
        <translation>顧客情報を保存しました。</translation>
    </message>
    <message>
        <source>Find &amp;Duplicate Customers…</source>
        <translation>重複した顧客を探す(&amp;D)…</translation>
    </message>
    <message>
        <source>Customers merged.</source>
        <translation>顧客を統合しました。</translation>
    </message>
    <message>
        <source>Cannot save the setting</source>
        <translation>設定を保存できません</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Tickets (%1)</source>
        <translation>チケット(%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) assigned to you</source>
        <translation>
            <numerusform>あなたに割り当てられた未解決チケット %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket %1 created.</source>
        <translation>チケット %1 を作成しました。</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>チケット(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;New Ticket…</source>
        <translation>新しいチケット(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;My Open Tickets</source>
        <translation>自分の未解決チケット(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Breaching Soon</source>
        <translation>期限間近(&amp;B)</translation>
    </message>
    <message>
        <source>Interaction saved with the new ticket %1.</source>
        <translation>対応を保存し、新しいチケット %1 を作成しました。</translation>
    </message>
    <message>
        <source>&amp;Service Levels…</source>
        <translation>サービスレベル(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Canned Responses…</source>
        <translation>定型文(&amp;C)…</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) need attention</source>
        <translation>
            <numerusform>対応が必要なチケットが %n 件あります</numerusform>
        </translation>
    </message>
    <message>
        <source>Their SLA clocks are close to or past due. Breaching soon lists them.</source>
        <translation>SLA の期限が迫っているか、すでに超過しています。「期限間近」で一覧できます。</translation>
    </message>
    <message>
        <source>SLA breached: %1</source>
        <translation>SLA 超過: %1</translation>
    </message>
    <message>
        <source>SLA warning: %1</source>
        <translation>SLA 警告: %1</translation>
    </message>
    <message>
        <source>%1 is overdue.</source>
        <translation>%1の期限を過ぎています。</translation>
    </message>
    <message>
        <source>%1 due in %2 of business time.</source>
        <translation>%1の期限まで営業時間で残り %2 です。</translation>
    </message>
    <message>
        <source> (your team&apos;s ticket)</source>
        <translation>(チームのチケット)</translation>
    </message>
    <message>
        <source>%1 %2%3</source>
        <translation>%1 %2%3</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>今すぐ同期(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;Conflicts…</source>
        <translation>同期の競合(&amp;C)…</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>同期の競合</translation>
    </message>
    <message>
        <source>Up to date · synced %1</source>
        <translation>最新 · %1 に同期</translation>
    </message>
    <message>
        <source>Offline · trying again at %1</source>
        <translation>オフライン · %1 に再試行</translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting</source>
        <translation>
            <numerusform> · 送信待ち %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are exchanged with the team server as you work.</source>
        <translation>作業中の変更はチームサーバーとやり取りされます。</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>競合 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Working locally this session: no password for the team server.</source>
        <translation>チームサーバーのパスワードがないため、このセッションはローカルで作業します。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>顧客 %Ln 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticket(s)</source>
        <translation>
            <numerusform>チケット %Ln 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>対応履歴 %Ln 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing · %n change(s) sent</source>
        <translation>
            <numerusform>同期中 · %n 件の変更を送信</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing · receiving changes</source>
        <translation>同期中 · 変更を受信しています</translation>
    </message>
    <message>
        <source>Syncing · %1 rows received</source>
        <translation>同期中 · %1 行を受信</translation>
    </message>
    <message>
        <source>Syncing · setting up the local copy (indexes and search)</source>
        <translation>同期中 · ローカルコピーを準備しています(インデックスと検索)</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>%1 にバックアップしました</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>バックアップは復元されませんでした</translation>
    </message>
    <message numerus="yes">
        <source>Restored the backup; %n change(s) not yet sent were carried over.</source>
        <translation>
            <numerusform>バックアップを復元しました。未送信の変更 %n 件を引き継ぎました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restored the backup</source>
        <translation>バックアップを復元しました</translation>
    </message>
    <message>
        <source>The changes not yet sent could not be read from the damaged file, so they were not carried over. The file is kept as %1.</source>
        <translation>破損したファイルから未送信の変更を読み取れなかったため、引き継いでいません。そのファイルは %1 として保管しています。</translation>
    </message>
    <message>
        <source>Customer created.</source>
        <translation>顧客を登録しました。</translation>
    </message>
    <message>
        <source>New &amp;Customer…</source>
        <translation>新しい顧客(&amp;C)…</translation>
    </message>
    <message>
        <source>Nobody signed in — choose who you are</source>
        <translation>サインインしている人がいません — あなたを選んでください</translation>
    </message>
    <message>
        <source>Calls and changes are recorded under your team server login&apos;s name.</source>
        <translation>通話や変更は、チームサーバーのログインの名前で記録されます。</translation>
    </message>
    <message>
        <source>Calls and changes are recorded under this name. Click to change it.</source>
        <translation>通話や変更はこの名前で記録されます。クリックすると変更できます。</translation>
    </message>
    <message>
        <source>Your workspace is ready. Add your first customer or log a call.</source>
        <translation>ワークスペースの準備ができました。最初の顧客を追加するか、通話を記録しましょう。</translation>
    </message>
</context>
<context>
    <name>madoguchi::NewCustomerDialog</name>
    <message>
        <source>%1 — same phone number %2</source>
        <translation>%1 — 同じ電話番号 %2</translation>
    </message>
    <message>
        <source>%1 — same e-mail address %2</source>
        <translation>%1 — 同じメールアドレス %2</translation>
    </message>
    <message>
        <source>Already on file with the same phone number or e-mail address. Open the existing customer, or create this one anyway.</source>
        <translation>同じ電話番号またはメールアドレスの顧客がすでに登録されています。登録済みの顧客を開くか、このまま新しく作成してください。</translation>
    </message>
    <message>
        <source>Create &amp;Anyway</source>
        <translation>このまま作成(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Create Customer</source>
        <translation>顧客を作成(&amp;C)</translation>
    </message>
    <message>
        <source>Discard this customer?</source>
        <translation>この顧客の入力を破棄しますか?</translation>
    </message>
    <message>
        <source>What you entered for the new customer will be lost.</source>
        <translation>新しい顧客について入力した内容は失われます。</translation>
    </message>
</context>
<context>
    <name>madoguchi::NewPasswordDialog</name>
    <message>
        <source>%1 signs in to the team server as %2 with this password. Hand it over in person or another safe way.</source>
        <translation>%1 はこのパスワードで %2 としてチームサーバーにサインインします。直接、または安全な方法で渡してください。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>madoguchi::NewTicketDialog</name>
    <message>
        <source>&amp;Create Ticket</source>
        <translation>チケットを作成(&amp;C)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>%1 (assigns automatically)</source>
        <translation>%1(自動割り当て)</translation>
    </message>
    <message>
        <source>Automatic (the team&apos;s rule)</source>
        <translation>自動(チームのルール)</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>%1 (me)</source>
        <translation>%1(自分)</translation>
    </message>
    <message>
        <source>Choose the customer the ticket is for.</source>
        <translation>このチケットのお客様を選んでください。</translation>
    </message>
</context>
<context>
    <name>madoguchi::PasswordChoice</name>
    <message>
        <source>Type the password, or let Madoguchi generate one.</source>
        <translation>パスワードを入力するか、自動で作ってください。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same one twice.</source>
        <translation>2 つのパスワードが違います。同じものを 2 回入力してください。</translation>
    </message>
</context>
<context>
    <name>madoguchi::PasswordDialog</name>
    <message>
        <source>Reset Password</source>
        <translation>パスワードのリセット</translation>
    </message>
    <message>
        <source>A new password for %1 (login %2) on the team server. The old one stops working at once.</source>
        <translation>チームサーバーでの %1(ログイン %2)の新しいパスワードです。古いパスワードはすぐに使えなくなります。</translation>
    </message>
    <message>
        <source>&amp;Set Password</source>
        <translation>パスワードを設定(&amp;S)</translation>
    </message>
    <message>
        <source>Password not changed</source>
        <translation>パスワードは変更されていません</translation>
    </message>
</context>
<context>
    <name>madoguchi::PeoplePage</name>
    <message>
        <source>%1 has no login on the team server. Nothing was changed.</source>
        <translation>%1 にはチームサーバーのログインがありません。何も変更されていません。</translation>
    </message>
    <message>
        <source>Only administrators change people and teams on the team server.</source>
        <translation>チームサーバーのメンバーとチームを変更できるのは管理者だけです。</translation>
    </message>
    <message>
        <source>Only leads, supervisors and administrators change people and teams.</source>
        <translation>メンバーとチームを変更できるのは、リーダー、スーパーバイザー、管理者だけです。</translation>
    </message>
    <message>
        <source>Nothing was changed: the team server needs your password for that.</source>
        <translation>何も変更されていません。この操作にはチームサーバーのパスワードが必要です。</translation>
    </message>
    <message>
        <source>Deactivate Agent</source>
        <translation>オペレーターを無効にする</translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer sign in or take tickets, and stop leading their team. Their name stays in the history, and they can be reactivated later.</source>
        <translation>%1 を無効にしますか?サインインやチケットの担当ができなくなり、チームのリーダーからも外れます。名前は履歴に残り、あとで有効に戻せます。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <source>Not deactivated</source>
        <translation>無効にしていません</translation>
    </message>
    <message>
        <source>Not reactivated</source>
        <translation>有効に戻していません</translation>
    </message>
    <message>
        <source>Password not changed</source>
        <translation>パスワードは変更されていません</translation>
    </message>
    <message>
        <source>There is already a team called %1.</source>
        <translation>%1 というチームはすでにあります。</translation>
    </message>
</context>
<context>
    <name>madoguchi::SatisfactionDialog</name>
    <message>
        <source>How satisfied was the customer with %1 “%2”?</source>
        <translation>%1「%2」に対するお客様の満足度はいかがでしたか?</translation>
    </message>
    <message>
        <source>5 — Very satisfied</source>
        <translation>5 — とても満足</translation>
    </message>
    <message>
        <source>4 — Satisfied</source>
        <translation>4 — 満足</translation>
    </message>
    <message>
        <source>3 — Neither</source>
        <translation>3 — どちらともいえない</translation>
    </message>
    <message>
        <source>2 — Dissatisfied</source>
        <translation>2 — 不満</translation>
    </message>
    <message>
        <source>1 — Very dissatisfied</source>
        <translation>1 — とても不満</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未確認(質問していない)</translation>
    </message>
</context>
<context>
    <name>madoguchi::ServerSettingsWidget</name>
    <message>
        <source>Verify the certificate and the server&apos;s name (recommended)</source>
        <translation>証明書とサーバー名を検証(推奨)</translation>
    </message>
    <message>
        <source>Verify the certificate only</source>
        <translation>証明書のみ検証</translation>
    </message>
    <message>
        <source>Encrypt without verifying the server</source>
        <translation>暗号化のみ(サーバーを検証しない)</translation>
    </message>
    <message>
        <source>No encryption (test servers only)</source>
        <translation>暗号化なし(テストサーバー専用)</translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation>CA 証明書を選択</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>証明書 (*.crt *.pem *.cer);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>This copy works locally. Your changes are kept and can be sent once you connect.</source>
        <translation>このコピーはローカルで動作します。変更は保存され、接続後に送信できます。</translation>
    </message>
    <message>
        <source>⚠ Passwords and customer data cross the network unencrypted. Use this only for a test server on this computer.</source>
        <translation>⚠ パスワードと顧客データが暗号化されずにネットワークを流れます。このコンピューター上のテストサーバーでのみ使用してください。</translation>
    </message>
    <message>
        <source>⚠ Madoguchi cannot be sure it is talking to your team&apos;s server: someone on the network could pretend to be it and read passwords and customer data.</source>
        <translation>⚠ 接続先が本当にチームのサーバーかを確認できません。ネットワーク上の第三者がなりすまして、パスワードや顧客データを読み取るおそれがあります。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name.</source>
        <translation>サーバー名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>データベース名を入力してください。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>ユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
    <message>
        <source>Choose the CA certificate file your administrator gave you, so the server&apos;s certificate can be checked.</source>
        <translation>サーバー証明書を検証できるよう、管理者から受け取った CA 証明書ファイルを選択してください。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Connected: you sign in as %1 (server schema version %2).</source>
        <translation>接続しました: %1 としてサインインします(サーバーのスキーマ バージョン %2)。</translation>
    </message>
    <message>
        <source>Connected, but %1 is not an agent on this server. Ask your administrator to add you.</source>
        <translation>接続しましたが、%1 はこのサーバーのエージェントではありません。管理者に追加を依頼してください。</translation>
    </message>
    <message>
        <source>Connected, but this server has no Madoguchi schema. Ask your administrator to run “madoguchi-cli server init”.</source>
        <translation>接続しましたが、このサーバーには Madoguchi のスキーマがありません。管理者に「madoguchi-cli server init」の実行を依頼してください。</translation>
    </message>
    <message>
        <source>Saved. Connecting to the team server…</source>
        <translation>保存しました。チームサーバーに接続しています…</translation>
    </message>
    <message>
        <source>%1 Madoguchi will ask for the password each time it starts.</source>
        <translation>%1 Madoguchi は起動するたびにパスワードを尋ねます。</translation>
    </message>
</context>
<context>
    <name>madoguchi::ServiceLevelsDialog</name>
    <message>
        <source> h</source>
        <translation> 時間</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>目標なし</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1(既定)</translation>
    </message>
    <message>
        <source>New policy</source>
        <translation>新しいポリシー</translation>
    </message>
    <message>
        <source>Copy of %1</source>
        <translation>%1 のコピー</translation>
    </message>
    <message>
        <source>New calendar</source>
        <translation>新しいカレンダー</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>初回応答</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>First response target, %1</source>
        <translation>初回応答の目標(%1)</translation>
    </message>
    <message>
        <source>Resolution target, %1</source>
        <translation>解決の目標(%1)</translation>
    </message>
    <message>
        <source>Assignment for %1</source>
        <translation>%1 の割り当て方法</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved. The due times of %n running ticket(s) were recalculated.</source>
        <translation>
            <numerusform>保存しました。進行中のチケット %n 件の期限を再計算しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the changes?</source>
        <translation>変更を保存しますか?</translation>
    </message>
    <message>
        <source>Some service levels were changed. Save them before closing?</source>
        <translation>サービスレベルが変更されています。閉じる前に保存しますか?</translation>
    </message>
    <message>
        <source>Built in; clear the name to restore the original one.</source>
        <translation>標準の分類です。名前を空にすると元の名前に戻ります。</translation>
    </message>
    <message>
        <source>Added by the team</source>
        <translation>チームで追加した分類</translation>
    </message>
</context>
<context>
    <name>madoguchi::SettingsPage</name>
    <message>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source>The new language is used the next time Madoguchi starts.</source>
        <translation>新しい言語は次回の起動時から使われます。</translation>
    </message>
    <message>
        <source>Madoguchi opens the database in this folder the next time it starts. Existing files are not moved.</source>
        <translation>次回の起動時から、このフォルダーのデータベースを開きます。既存のファイルは移動しません。</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>データフォルダーを選択</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Numbers without a country code are read as numbers of this region.</source>
        <translation>国番号のない電話番号は、この地域の番号として扱います。</translation>
    </message>
    <message>
        <source>Numbers without a country code are read as numbers of this region: %1 is stored as %2.</source>
        <translation>国番号のない電話番号は、この地域の番号として扱います。例: %1 は %2 として保存されます。</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1(最新)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>(nobody chosen)</source>
        <translation>(未選択)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Your login on the team server decides who you are: calls you log and changes you make are recorded under its name.</source>
        <translation>チームサーバーのログインがあなたを決めます。記録する通話や行う変更は、そのログインの名前で記録されます。</translation>
    </message>
    <message>
        <source>Calls you log and changes you make are recorded under this name in this database.</source>
        <translation>記録する通話や行う変更は、このデータベースではこの名前で記録されます。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Every time Madoguchi shows or asks for is in this zone. Automatic follows your team&apos;s zone, or the default service-hours calendar&apos;s.</source>
        <translation>Madoguchi が表示・入力するすべての日時はこのタイムゾーンです。「自動」はチームのタイムゾーン、なければ既定の営業時間カレンダーのタイムゾーンに従います。</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自動(%1)</translation>
    </message>
    <message>
        <source>People and teams</source>
        <translation>メンバーとチーム</translation>
    </message>
    <message>
        <source>Nobody is set up in this database yet: add yourself and your team under &lt;a href=&quot;people&quot;&gt;People and teams&lt;/a&gt;, then choose yourself here.</source>
        <translation>このデータベースにはまだ誰も登録されていません。&lt;a href=&quot;people&quot;&gt;メンバーとチーム&lt;/a&gt;であなたとチームを追加してから、ここで自分を選んでください。</translation>
    </message>
</context>
<context>
    <name>madoguchi::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
</context>
<context>
    <name>madoguchi::StaffingDialog</name>
    <message>
        <source>Agents on the phones</source>
        <translation>電話対応中のオペレーター数</translation>
    </message>
    <message>
        <source>Agents to schedule (with shrinkage)</source>
        <translation>配置すべきオペレーター数(シュリンケージ込み)</translation>
    </message>
    <message>
        <source>%1:00–%2:00</source>
        <translation>%1:00～%2:00</translation>
    </message>
    <message>
        <source>&lt;b&gt;How this is estimated (Erlang C).&lt;/b&gt; Calls are assumed to arrive at random at a steady rate within each hour, handle times to vary around the AHT as the model expects, every caller to wait in one queue until answered (nobody hangs up, nobody gets a busy tone) and every agent to take every call. Real queues lose some callers, so the figures err on the safe side when many would hang up. Observed arrivals are the incoming contacts of the period averaged per weekday. Scheduled agents add shrinkage: time paid but away from the queue.</source>
        <translation>&lt;b&gt;見積もりの前提(アーラン C)。&lt;/b&gt;呼は各時間帯の中で一定の割合でランダムに着信し、処理時間はモデルの想定どおり平均処理時間の前後にばらつき、かけた人は応答されるまで 1 つの待ち行列で待ち(途中で切る人も話し中になる人もいない)、どのオペレーターもすべての呼に対応できるものとします。実際の待ち行列では途中で切る人がいるため、途中で切る人が多い場合は安全側の数値になります。実績の着信数は、期間内の着信を曜日ごとに平均したものです。配置すべき人数には、勤務時間のうち待ち行列から離れている時間(シュリンケージ)を加えています。</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>CSV でエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Export Staffing Estimate</source>
        <translation>要員計画をエクスポート</translation>
    </message>
    <message>
        <source>Staffing.csv</source>
        <translation>要員計画.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>%1 calls an hour, %2 Erlangs. With %3 agents: %4 answered within %5 s, average wait %6 s, occupancy %7; %8 to schedule.</source>
        <translation>1 時間あたり %1 呼、%2 アーラン。%3 人なら %5 秒以内の応答 %4、平均待ち時間 %6 秒、稼働率 %7。配置は %8 人。</translation>
    </message>
    <message>
        <source>No calls expected.</source>
        <translation>着信の見込みはありません。</translation>
    </message>
    <message numerus="yes">
        <source>Observed %1: %Ln incoming contact(s) on %2, AHT %3.</source>
        <translation>
            <numerusform>実績 %1: %2 の着信 %Ln 件、平均処理時間 %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>Typed: %1 calls an hour, AHT %2.</source>
        <translation>入力値: 1 時間あたり %1 呼、平均処理時間 %2。</translation>
    </message>
    <message>
        <source>Busiest hour: %1 %2:00, %3 agents on the phones (%4 to schedule). A week needs %5 agent-hours on the phones, %6 scheduled.</source>
        <translation>最も忙しい時間帯: %1 %2:00、電話対応に %3 人(配置は %4 人)。1 週間で電話対応に %5 人時、配置で %6 人時が必要です。</translation>
    </message>
    <message>
        <source>No calls to answer: no agents needed.</source>
        <translation>応答する呼がないため、オペレーターは不要です。</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>曜日</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>時</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>1 時間あたりの呼数</translation>
    </message>
    <message>
        <source>Traffic (Erlangs)</source>
        <translation>呼量(アーラン)</translation>
    </message>
    <message>
        <source>Agents to schedule</source>
        <translation>配置すべき人数</translation>
    </message>
    <message>
        <source>Service level (%)</source>
        <translation>サービスレベル(%)</translation>
    </message>
    <message>
        <source>Average wait (seconds)</source>
        <translation>平均待ち時間(秒)</translation>
    </message>
    <message>
        <source>Occupancy (%)</source>
        <translation>稼働率(%)</translation>
    </message>
</context>
<context>
    <name>madoguchi::SyncService</name>
    <message>
        <source>Working locally</source>
        <translation>ローカルで作業中</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同期中…</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>同期停止</translation>
    </message>
</context>
<context>
    <name>madoguchi::TeamDialog</name>
    <message>
        <source>Add Team</source>
        <translation>チームを追加</translation>
    </message>
    <message>
        <source>Edit Team</source>
        <translation>チームを編集</translation>
    </message>
    <message>
        <source>No lead</source>
        <translation>リーダーなし</translation>
    </message>
    <message>
        <source>Add people to the team first; then choose its lead here.</source>
        <translation>先にチームにメンバーを追加してから、ここでリーダーを選んでください。</translation>
    </message>
    <message>
        <source>The lead is one of the team&apos;s active members.</source>
        <translation>リーダーはチームの有効なメンバーから選びます。</translation>
    </message>
    <message>
        <source>Give the team a name.</source>
        <translation>チーム名を入力してください。</translation>
    </message>
    <message>
        <source>Team not saved</source>
        <translation>チームは保存されていません</translation>
    </message>
</context>
<context>
    <name>madoguchi::TeamDirectoryModel</name>
    <message>
        <source>No lead</source>
        <translation>リーダーなし</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>リーダー</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>メンバー数</translation>
    </message>
</context>
<context>
    <name>madoguchi::TicketHistoryModel</name>
    <message>
        <source>reading the ticket history</source>
        <translation>チケットの変更履歴の読み込み</translation>
    </message>
    <message>
        <source>%1  %2 — %3</source>
        <translation>%1  %2 — %3</translation>
    </message>
    <message>
        <source>system</source>
        <translation>システム</translation>
    </message>
</context>
<context>
    <name>madoguchi::TicketQueueModel</name>
    <message>
        <source>reading the ticket queue</source>
        <translation>チケットキューの読み込み</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>No SLA target</source>
        <translation>SLA 目標なし</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>初回応答</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>%1 due %2</source>
        <translation>%1の期限: %2</translation>
    </message>
    <message>
        <source>%1: the clock is paused</source>
        <translation>%1: 時間計測を一時停止中</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日時</translation>
    </message>
</context>
<context>
    <name>madoguchi::TicketView</name>
    <message>
        <source>%1 priority</source>
        <translation>優先度: %1</translation>
    </message>
    <message>
        <source>Escalated: %1</source>
        <translation>エスカレーション: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No due time while the clock is stopped</source>
        <translation>時間計測の停止中は期限がありません</translation>
    </message>
    <message>
        <source>Open the customer&apos;s 360° view</source>
        <translation>顧客の 360° ビューを開く</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Satisfaction is recorded once the ticket is solved.</source>
        <translation>満足度はチケットが解決済みになってから記録します。</translation>
    </message>
    <message>
        <source>Assign to Me</source>
        <translation>自分に割り当て</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>割り当てを解除</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>madoguchi::TicketsPage</name>
    <message>
        <source>Delete Saved Filter</source>
        <translation>保存したフィルターを削除</translation>
    </message>
    <message>
        <source>Cannot delete the filter</source>
        <translation>フィルターを削除できません</translation>
    </message>
    <message>
        <source>SAVED FILTERS</source>
        <translation>保存したフィルター</translation>
    </message>
    <message>
        <source>Based on: %1</source>
        <translation>元のキュー: %1</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>すべての優先度</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <source>SLA due, soonest first</source>
        <translation>SLA 期限の近い順</translation>
    </message>
    <message>
        <source>Priority, then SLA due</source>
        <translation>優先度順(同じ場合は SLA 期限順)</translation>
    </message>
    <message>
        <source>Last updated, newest first</source>
        <translation>更新日時の新しい順</translation>
    </message>
    <message>
        <source>Assign to Me</source>
        <translation>自分に割り当て</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>割り当てを解除</translation>
    </message>
    <message>
        <source>The Team (Nobody in It Yet)</source>
        <translation>チーム全体(担当者は未定)</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>タグを追加</translation>
    </message>
    <message>
        <source>Tag for the selected tickets:</source>
        <translation>選択したチケットに付けるタグ:</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>フィルターを保存</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>フィルター名:</translation>
    </message>
    <message>
        <source>Cannot save the filter</source>
        <translation>フィルターを保存できません</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) selected</source>
        <translation>
            <numerusform>%n 件のチケットを選択中</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>何も変更されませんでした</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n ticket(s) changed.</source>
        <translation>
            <numerusform>%1: %n 件のチケットを変更しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) changed.</source>
        <translation>
            <numerusform>%n 件のチケットを変更しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) left as they were:</source>
        <translation>
            <numerusform>%n 件のチケットは変更されませんでした:</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>割り当て</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>ステータスの変更</translation>
    </message>
    <message>
        <source>Change priority</source>
        <translation>優先度の変更</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>タグの追加</translation>
    </message>
    <message>
        <source>Tickets assigned to you that are not solved appear here.</source>
        <translation>あなたが担当している未解決のチケットがここに表示されます。</translation>
    </message>
    <message>
        <source>Tickets that are not solved and have nobody assigned appear here.</source>
        <translation>担当者のいない未解決のチケットがここに表示されます。</translation>
    </message>
    <message>
        <source>Tickets whose service-level target falls due within two hours, or is already overdue, appear here.</source>
        <translation>SLA の期限が 2 時間以内のチケット、またはすでに期限を過ぎたチケットがここに表示されます。</translation>
    </message>
    <message>
        <source>Escalated tickets assigned to you or your team appear here until they are solved.</source>
        <translation>あなたまたはあなたのチームにエスカレーションされたチケットが、解決するまでここに表示されます。</translation>
    </message>
    <message>
        <source>Tickets waiting for the customer or someone else (pending or on hold) appear here.</source>
        <translation>お客様や他の人の対応を待っているチケット(保留中・一時停止)がここに表示されます。</translation>
    </message>
    <message>
        <source>Tickets solved in the last seven days appear here.</source>
        <translation>過去 7 日間に解決したチケットがここに表示されます。</translation>
    </message>
    <message>
        <source>Every ticket appears here, open or closed.</source>
        <translation>未解決・完了を問わず、すべてのチケットがここに表示されます。</translation>
    </message>
    <message>
        <source>Tickets that match the saved filter “%1” appear here.</source>
        <translation>保存したフィルター「%1」に一致するチケットがここに表示されます。</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;No tickets yet — &lt;a href=&quot;new&quot;&gt;create one&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;%1 A call you log can open a ticket too.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;チケットはまだありません — &lt;a href=&quot;new&quot;&gt;作成する&lt;/a&gt;&lt;/p&gt;&lt;p&gt;%1 通話を記録するときにチケットを作ることもできます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No tickets yet</source>
        <translation>チケットはまだありません</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;No tickets behind this figure.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;この数値に該当するチケットはありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No tickets behind this figure</source>
        <translation>この数値に該当するチケットはありません</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;No ticket here matches your search or filter — &lt;a href=&quot;clear&quot;&gt;show them all&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;検索条件やフィルターに一致するチケットはありません — &lt;a href=&quot;clear&quot;&gt;すべて表示&lt;/a&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No ticket matches your search or filter</source>
        <translation>検索条件やフィルターに一致するチケットはありません</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;Nothing here right now — &lt;a href=&quot;new&quot;&gt;create a ticket&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;今は何もありません — &lt;a href=&quot;new&quot;&gt;チケットを作成&lt;/a&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Nothing here right now</source>
        <translation>今は何もありません</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;Nothing here right now.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;今は何もありません。&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>madoguchi::Toast</name>
    <message>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>madoguchi::WeekHoursEdit</name>
    <message>
        <source>Opens on %1</source>
        <translation>%1の開始時刻</translation>
    </message>
    <message>
        <source>Closes on %1</source>
        <translation>%1の終了時刻</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Madoguchi, the support desk.</source>
        <translation>窓口 — サポートデスク。</translation>
    </message>
    <message>
        <source>Open this database file.</source>
        <translation>このデータベースファイルを開きます。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Use this language (en, ja) instead of the setting.</source>
        <translation>設定の代わりにこの言語(en、ja)を使います。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Save a picture of the window to this PNG file and quit.</source>
        <translation>ウィンドウの画像をこの PNG ファイルに保存して終了します。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>number</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Madoguchi cannot start</source>
        <translation>窓口を起動できません</translation>
    </message>
    <message>
        <source>Show this page first (0 customers, 1 tickets, 2 dashboard, 3 settings).</source>
        <translation>最初に表示するページ(0 顧客、1 チケット、2 ダッシュボード、3 設定)。</translation>
    </message>
</context>
</TS>
