#pragma once

#include "sync/serverconnection.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace madoguchi {

// The password of the team server login the settings name: from the
// keychain, or asked for (the caller keeps it for this session only, never
// on disk). Where the keychain's password was refused, `skipKeychain` asks.
class ServerPasswordPrompt
{
    Q_DECLARE_TR_FUNCTIONS(ServerPasswordPrompt)

public:
    struct Answer
    {
        QString password; // empty: none was given
        bool fromKeychain = false;
    };
    static Answer ask(QWidget *parent, const ServerConnection &server, bool skipKeychain = false);
};

} // namespace madoguchi
