#include "kit/serverpasswordprompt.h"

#include "sync/credentialstore.h"

#include <QInputDialog>
#include <QLineEdit>

namespace madoguchi {

ServerPasswordPrompt::Answer ServerPasswordPrompt::ask(QWidget *parent, const ServerConnection &server,
                                                       bool skipKeychain)
{
    QString why;
    if (skipKeychain) {
        why = tr("The saved password for %1 on %2 was not accepted.").arg(server.user, server.host);
    } else {
        KeychainStore keychain;
        const auto stored = keychain.read(serverAccount(server.user, server.host, server.port, server.database));
        if (stored && stored.value())
            return {*stored.value(), true};
        // No keychain (or nothing in it): ask.
        why = stored ? tr("No password is saved for %1 on %2.").arg(server.user, server.host) : stored.error().message;
    }
    bool ok = false;
    const QString typed
        = QInputDialog::getText(parent, tr("Team server password"),
                                tr("%1\nEnter the password for %2 on %3. It is kept only until Madoguchi closes.")
                                    .arg(why, server.user, server.host),
                                QLineEdit::Password, QString(), &ok);
    return {ok ? typed : QString(), false};
}

} // namespace madoguchi
