<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%n foreign key problem(s)</source>
        <translation>
            <numerusform>%n foreign key problem</numerusform>
            <numerusform>%n foreign key problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>Sent %n change</numerusform>
            <numerusform>Sent %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; received %n row(s)</source>
        <translation>
            <numerusform>; received %n row</numerusform>
            <numerusform>; received %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; removed %n no longer shared</source>
        <translation>
            <numerusform>; removed %n no longer shared</numerusform>
            <numerusform>; removed %n no longer shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n change(s) waiting.</source>
        <translation>
            <numerusform>; %n change waiting.</numerusform>
            <numerusform>; %n changes waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n change record(s) older than %1 days.</source>
        <translation>
            <numerusform>Removed %n change record older than %1 days.</numerusform>
            <numerusform>Removed %n change records older than %1 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the team server were made after this backup; they are carried over.</source>
        <translation>
            <numerusform>%n change not yet sent to the team server was made after this backup; it is carried over.</numerusform>
            <numerusform>%n changes not yet sent to the team server were made after this backup; they are carried over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) to hand to someone else (ticket update NUMBER --assignee NAME):</source>
        <translation>
            <numerusform>%n open ticket to hand to someone else (ticket update NUMBER --assignee NAME):</numerusform>
            <numerusform>%n open tickets to hand to someone else (ticket update NUMBER --assignee NAME):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %n member(s), lead: %3</source>
        <translation>
            <numerusform>%1  %2  %n member, lead: %3</numerusform>
            <numerusform>%1  %2  %n members, lead: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>hours</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message numerus="yes">
        <source>The name is longer than %n characters.</source>
        <translation>
            <numerusform>The name is longer than %n character.</numerusform>
            <numerusform>The name is longer than %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text is longer than %n characters.</source>
        <translation>
            <numerusform>The text is longer than %n character.</numerusform>
            <numerusform>The text is longer than %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The subject is longer than %n characters.</source>
        <translation>
            <numerusform>The subject is longer than %n character.</numerusform>
            <numerusform>The subject is longer than %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::BackupsDialog</name>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the team server were made after this backup. Restoring carries them over into the restored database.</source>
        <translation>
            <numerusform>%n change not yet sent to the team server was made after this backup. Restoring carries it over into the restored database.</numerusform>
            <numerusform>%n changes not yet sent to the team server were made after this backup. Restoring carries them over into the restored database.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomerTimelineModel</name>
    <message numerus="yes">
        <source>Merged the duplicate record “%1” into this customer (%n item(s) moved)</source>
        <translation>
            <numerusform>Merged the duplicate record “%1” into this customer (%n item moved)</numerusform>
            <numerusform>Merged the duplicate record “%1” into this customer (%n items moved)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomerView</name>
    <message numerus="yes">
        <source>%n open ticket(s)</source>
        <translation>
            <numerusform>%n open ticket</numerusform>
            <numerusform>%n open tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::CustomersPage</name>
    <message numerus="yes">
        <source>%n match(es), best first</source>
        <translation>
            <numerusform>%n match, best first</numerusform>
            <numerusform>%n matches, best first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n customer(s); scroll for more.</source>
        <translation>
            <numerusform>Showing the first %n customer; scroll for more.</numerusform>
            <numerusform>Showing the first %n customers; scroll for more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::DashboardPage</name>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1 (%n day)</numerusform>
            <numerusform>%1 (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n pair(s) of customers look like the same person entered twice. Check each pair before merging.</source>
        <translation>
            <numerusform>%n pair of customers look like the same person entered twice. Check each pair before merging.</numerusform>
            <numerusform>%n pairs of customers look like the same person entered twice. Check each pair before merging.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n pairs of customers that look like the same person entered twice, strongest evidence first. Check each pair before merging.</source>
        <translation>
            <numerusform>Showing the first %n pair of customers that look like the same person entered twice, strongest evidence first. Check each pair before merging.</numerusform>
            <numerusform>Showing the first %n pairs of customers that look like the same person entered twice, strongest evidence first. Check each pair before merging.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::HandOverDialog</name>
    <message numerus="yes">
        <source>%1 still holds %n open ticket(s). Give them to a colleague, or leave them unassigned in their team&apos;s queue.</source>
        <translation>
            <numerusform>%1 still holds %n open ticket. Give it to a colleague, or leave it unassigned in their team&apos;s queue.</numerusform>
            <numerusform>%1 still holds %n open tickets. Give them to a colleague, or leave them unassigned in their team&apos;s queue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::HeatmapWidget</name>
    <message numerus="yes">
        <source>%1 %2:00–%3:00: %Ln contact(s), %4 an hour on average</source>
        <translation>
            <numerusform>%1 %2:00–%3:00: %Ln contact, %4 an hour on average</numerusform>
            <numerusform>%1 %2:00–%3:00: %Ln contacts, %4 an hour on average</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::MainWindow</name>
    <message numerus="yes">
        <source>Local only — %n change(s) kept for sync</source>
        <translation>
            <numerusform>Local only — %n change kept for sync</numerusform>
            <numerusform>Local only — %n changes kept for sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) assigned to you</source>
        <translation>
            <numerusform>%n open ticket assigned to you</numerusform>
            <numerusform>%n open tickets assigned to you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) need attention</source>
        <translation>
            <numerusform>%n ticket need attention</numerusform>
            <numerusform>%n tickets need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting</source>
        <translation>
            <numerusform> · %n waiting</numerusform>
            <numerusform> · %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticket(s)</source>
        <translation>
            <numerusform>%Ln ticket</numerusform>
            <numerusform>%Ln tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing · %n change(s) sent</source>
        <translation>
            <numerusform>Syncing · %n change sent</numerusform>
            <numerusform>Syncing · %n changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored the backup; %n change(s) not yet sent were carried over.</source>
        <translation>
            <numerusform>Restored the backup; %n change not yet sent was carried over.</numerusform>
            <numerusform>Restored the backup; %n changes not yet sent were carried over.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::ServiceLevelsDialog</name>
    <message numerus="yes">
        <source>Saved. The due times of %n running ticket(s) were recalculated.</source>
        <translation>
            <numerusform>Saved. The due times of %n running ticket were recalculated.</numerusform>
            <numerusform>Saved. The due times of %n running tickets were recalculated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::StaffingDialog</name>
    <message numerus="yes">
        <source>Observed %1: %Ln incoming contact(s) on %2, AHT %3.</source>
        <translation>
            <numerusform>Observed %1: %Ln incoming contact on %2, AHT %3.</numerusform>
            <numerusform>Observed %1: %Ln incoming contacts on %2, AHT %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::TicketsPage</name>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) selected</source>
        <translation>
            <numerusform>%n ticket selected</numerusform>
            <numerusform>%n tickets selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n ticket(s) changed.</source>
        <translation>
            <numerusform>%1: %n ticket changed.</numerusform>
            <numerusform>%1: %n tickets changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) changed.</source>
        <translation>
            <numerusform>%n ticket changed.</numerusform>
            <numerusform>%n tickets changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) left as they were:</source>
        <translation>
            <numerusform>%n ticket left as they were:</numerusform>
            <numerusform>%n tickets left as they were:</numerusform>
        </translation>
    </message>
</context>
</TS>
