#pragma once

#include <QFrame>

class QLabel;

namespace madoguchi {

// One figure of the dashboard: what it is, its value, and how it moved
// against the previous period. Clicking it (or Enter/Space when focused)
// asks for the tickets behind it.
class KpiTile : public QFrame
{
    Q_OBJECT

public:
    enum class Trend {
        Neutral,
        Good,
        Bad
    };

    explicit KpiTile(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &change, Trend trend, const QString &toolTip);
    QString caption() const;
    QString value() const;
    QString change() const;

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void restyle();

    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_change;
    Trend m_trend = Trend::Neutral;
};

} // namespace madoguchi
