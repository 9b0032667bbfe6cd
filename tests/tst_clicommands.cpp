// madoguchi-cli's usage is made from the option specs its parser is made
// from: every command is listed with every option it accepts, and every
// option listed is accepted, so the help and the parser cannot drift apart.
#include "clicommands.h"
#include "clisupport.h"
#include "serverfixture.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

namespace {

using namespace madoguchi::cli;
using madoguchi::test::serverCli; // the one way the tests run the program

bool mentions(const QString &text, const QString &option)
{
    return text.contains(QRegularExpression(QStringLiteral("--%1(?![\\w-])").arg(QRegularExpression::escape(option))));
}

// The command's words, then every option its synopsis lists (with a value
// where it shows one).
QStringList everyListedOption(const Command &command)
{
    static const QRegularExpression option(QStringLiteral("--([a-z][\\w-]*)( (?![-(\\[])[^\\s\\])|]+)?"));
    QStringList arguments = commandName(command).split(u' ');
    for (auto it = option.globalMatch(synopsis(command)); it.hasNext();) {
        const auto match = it.next();
        arguments << QStringLiteral("--") + match.captured(1);
        if (match.hasCaptured(2))
            arguments << QStringLiteral("x");
    }
    return arguments;
}

} // namespace

TEST(CliCommands, UsageListsEveryCommandWithEveryOptionItsParserAccepts)
{
    ASSERT_GE(commands().size(), 16u);
    const QString usageText = usage().simplified(); // as one line: the synopses are wrapped
    for (const Command *command : commands()) {
        const QString line = synopsis(*command);
        SCOPED_TRACE(line.toStdString());
        EXPECT_TRUE(usageText.contains(line));
        EXPECT_TRUE(usageText.contains(QCoreApplication::translate("Cli", command->summary)));
        for (const QCommandLineOption &o : parserOptions(*command))
            EXPECT_TRUE(mentions(line, o.names().constLast())) << o.names().constLast().toStdString();
    }
    for (const char *global : {"db", "json", "version", "help"})
        EXPECT_TRUE(mentions(usageText, QLatin1String(global))) << global;
}

TEST(CliCommands, TheProgramAcceptsAndListsEveryOptionOfTheTable)
{
    const auto topLevel = serverCli({QStringLiteral("--help")});
    ASSERT_EQ(topLevel.exitCode, 0);
    for (const Command *command : commands()) {
        const QString name = commandName(*command);
        SCOPED_TRACE(name.toStdString());
        EXPECT_TRUE(topLevel.out.simplified().contains(synopsis(*command)));
        // Every option listed, given at once: a single one the parser did not
        // know would refuse the lot (exit status 2) before --help is seen.
        const QStringList listed = everyListedOption(*command);
        EXPECT_EQ(listed.filter(QRegularExpression(QStringLiteral("^--"))).size(), parserOptions(*command).size());
        const auto help = serverCli(listed + QStringList{QStringLiteral("--help")});
        EXPECT_EQ(help.exitCode, 0) << help.err.toStdString();
        for (const QCommandLineOption &o : parserOptions(*command))
            EXPECT_TRUE(mentions(help.out, o.names().constLast())) << o.names().constLast().toStdString();
        // The negative control: an option no spec has is refused.
        const auto unknown = serverCli(name.split(u' ') << QStringLiteral("--no-such-option"));
        EXPECT_EQ(unknown.exitCode, 2);
        EXPECT_TRUE(unknown.err.contains(QStringLiteral("no-such-option"))) << unknown.err.toStdString();
    }
}
