<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../work/main/caseworker/ui/alerts_view.py" line="23"/>
        <source>Alerts</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/alerts_view.py" line="26"/>
        <source>Household / alert</source>
        <translation>Huishouden / signaal</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/alerts_view.py" line="26"/>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/alerts_view.py" line="27"/>
        <source>Households with alerts</source>
        <translation>Huishoudens met signalen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/alerts_view.py" line="31"/>
        <source>No alerts. Well done.</source>
        <translation>Geen signalen. Goed bezig.</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="74"/>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="75"/>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="76"/>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="111"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="112"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="113"/>
        <source>Members</source>
        <translation>Gezinsleden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="114"/>
        <source>Coordinator</source>
        <translation>Regisseur</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="115"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="116"/>
        <source>Next evaluation</source>
        <translation>Volgende evaluatie</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_model.py" line="117"/>
        <source>Alerts</source>
        <translation>Signalen</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="109"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="112"/>
        <source>Search name, address, birth date or BSN</source>
        <translation>Zoek op naam, adres, geboortedatum of BSN</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="113"/>
        <source>Search households</source>
        <translation>Huishoudens zoeken</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="118"/>
        <source>My households</source>
        <translation>Mijn huishoudens</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="119"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="120"/>
        <source>Whose households</source>
        <translation>Wiens huishoudens</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="122"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="123"/>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="124"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="125"/>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="126"/>
        <source>Only with alert</source>
        <translation>Alleen met signaal</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="127"/>
        <source>Only households with an alert</source>
        <translation>Alleen huishoudens met een signaal</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="131"/>
        <source>New household</source>
        <translation>Nieuw huishouden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="132"/>
        <source>New household (Ctrl+N)</source>
        <translation>Nieuw huishouden (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="140"/>
        <source>Households</source>
        <translation>Huishoudens</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/caseload_view.py" line="272"/>
        <source>%1 of %2 households shown</source>
        <translation>%1 van %2 huishoudens zichtbaar</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="66"/>
        <source>Dossier sections</source>
        <translation>Onderdelen van het dossier</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="67"/>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="68"/>
        <source>Members &amp;&amp; network</source>
        <translation>Gezinsleden &amp;&amp; netwerk</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="71"/>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="72"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="73"/>
        <source>ZRM</source>
        <translation>ZRM</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="76"/>
        <source>Provisions</source>
        <translation>Voorzieningen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="77"/>
        <source>Journal</source>
        <translation>Journaal</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/view.py" line="78"/>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="50"/>
        <source>Caseworker: first start</source>
        <translation>Caseworker: eerste start</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="56"/>
        <source>Welcome to Caseworker. The data of the families you work with is stored encrypted on this laptop. Choose how to begin.</source>
        <translation>Welkom bij Caseworker. De gegevens van de gezinnen met wie u werkt, worden versleuteld op deze laptop bewaard. Kies hoe u wilt beginnen.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="62"/>
        <source>Start on this laptop</source>
        <translation>Beginnen op deze laptop</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="63"/>
        <source>Enrol with a server</source>
        <translation>Aanmelden bij een server</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="64"/>
        <source>How to begin</source>
        <translation>Hoe u begint</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="80"/>
        <source>e.g. Anna de Vries</source>
        <translation>bijv. Anna de Vries</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="178"/>
        <source>Password on the server</source>
        <translation>Wachtwoord bij de server</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="180"/>
        <source>Your account on the server</source>
        <translation>Uw account bij de server</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="186"/>
        <source>Passphrase for the encrypted store on this laptop</source>
        <translation>Wachtwoord voor de versleutelde opslag op deze laptop</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="190"/>
        <source>Your functional administrator gives you the server address and your user name. The passphrase is separate from your password on the server: it unlocks the data on this laptop, also without a network.</source>
        <translation>De functioneel beheerder geeft u het serveradres en uw gebruikersnaam. Het wachtwoord voor deze laptop staat los van uw wachtwoord bij de server: het ontgrendelt de gegevens op deze laptop, ook zonder netwerk.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="200"/>
        <source>Enrolling with the server</source>
        <translation>Bezig met aanmelden bij de server</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="234"/>
        <source>Fill in your user name.</source>
        <translation>Vul uw gebruikersnaam in.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="237"/>
        <source>Fill in your password.</source>
        <translation>Vul uw wachtwoord in.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="262"/>
        <source>Enrolment failed (%1).</source>
        <translation>Aanmelden is mislukt (%1).</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="88"/>
        <source>Your &amp;name:</source>
        <translation>Uw &amp;naam:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="93"/>
        <source>Creating the encrypted store</source>
        <translation>De versleutelde opslag wordt aangemaakt</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="98"/>
        <source>&amp;Create encrypted store</source>
        <translation>Versleutelde opslag &amp;aanmaken</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="117"/>
        <source>Fill in your name.</source>
        <translation>Vul uw naam in.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="158"/>
        <source>The store could not be created (%1).</source>
        <translation>De opslag kon niet worden aangemaakt (%1).</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="172"/>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradres:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="173"/>
        <source>&amp;User name:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="176"/>
        <source>Pass&amp;word:</source>
        <translation>Wach&amp;twoord:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/first_run.py" line="205"/>
        <source>&amp;Enrol</source>
        <translation>&amp;Aanmelden</translation>
    </message>
</context>
<context>
    <name>HeaderBand</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/header.py" line="31"/>
        <location filename="../work/main/caseworker/ui/dossier/header.py" line="73"/>
        <source>Start intake</source>
        <translation>Intake starten</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/header.py" line="33"/>
        <source>Print plan</source>
        <translation>Plan afdrukken</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/header.py" line="35"/>
        <source>comes in a later version</source>
        <translation>komt in een volgende versie</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/header.py" line="36"/>
        <source>Edit household</source>
        <translation>Huishouden wijzigen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/header.py" line="52"/>
        <source>no coordinator</source>
        <translation>geen regisseur</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/header.py" line="54"/>
        <source>Coordinator: %1 · Status: %2 · %3</source>
        <translation>Regisseur: %1 · Status: %2 · %3</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/header.py" line="73"/>
        <source>Resume intake</source>
        <translation>Intake hervatten</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="26"/>
        <source>Edit household</source>
        <translation>Huishouden wijzigen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="28"/>
        <source>New household</source>
        <translation>Nieuw huishouden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="33"/>
        <source>e.g. Family De Vries</source>
        <translation>bijv. Familie De Vries</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="42"/>
        <source>dd-mm-yyyy (empty: today)</source>
        <translation>dd-mm-jjjj (leeg: vandaag)</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="44"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="45"/>
        <source>&amp;Street:</source>
        <translation>&amp;Straat:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="46"/>
        <source>House n&amp;umber:</source>
        <translation>&amp;Huisnummer:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="47"/>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="48"/>
        <source>&amp;City:</source>
        <translation>&amp;Plaats:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="49"/>
        <source>Neigh&amp;bourhood:</source>
        <translation>&amp;Wijk:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="50"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="51"/>
        <source>&amp;Opened on:</source>
        <translation>&amp;Gestart op:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/household_dialog.py" line="67"/>
        <source>Enter the date as dd-mm-yyyy, e.g. 23-11-2026.</source>
        <translation>Vul de datum in als dd-mm-jjjj, bijvoorbeeld 23-11-2026.</translation>
    </message>
</context>
<context>
    <name>IntakeSummaryView</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="57"/>
        <source>Intake history</source>
        <translation>Intakegeschiedenis</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="59"/>
        <source>No intake yet. Start one from the header.</source>
        <translation>Nog geen intake. Start er een via de kop van het dossier.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="71"/>
        <source>Started</source>
        <translation>Gestart</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="71"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="71"/>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="71"/>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="72"/>
        <source>Intakes</source>
        <translation>Intakes</translation>
    </message>
</context>
<context>
    <name>JournalEntryDialog</name>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/journal_dialog.py" line="20"/>
        <source>New journal entry</source>
        <translation>Nieuwe journaalregel</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/journal_dialog.py" line="25"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/journal_dialog.py" line="26"/>
        <source>Home visit</source>
        <translation>Huisbezoek</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/journal_dialog.py" line="27"/>
        <source>Phone call</source>
        <translation>Telefoongesprek</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/journal_dialog.py" line="28"/>
        <source>Consultation with a partner</source>
        <translation>Overleg met een partner</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/journal_dialog.py" line="34"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/journal_dialog.py" line="35"/>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
</context>
<context>
    <name>JournalSection</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="20"/>
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="20"/>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="20"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="20"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="22"/>
        <source>Journal</source>
        <translation>Journaal</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="25"/>
        <source>New journal entry</source>
        <translation>Nieuwe journaalregel</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="36"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="37"/>
        <source>Home visit</source>
        <translation>Huisbezoek</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="38"/>
        <source>Phone call</source>
        <translation>Telefoongesprek</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/journal.py" line="39"/>
        <source>Consultation with a partner</source>
        <translation>Overleg met een partner</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../work/main/caseworker/ui/lock_screen.py" line="35"/>
        <source>Caseworker is locked</source>
        <translation>Caseworker is vergrendeld</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/lock_screen.py" line="40"/>
        <source>The data is hidden and the database is closed. Enter your passphrase to go on.</source>
        <translation>De gegevens zijn verborgen en de database is gesloten. Vul uw wachtwoord in om verder te gaan.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="73"/>
        <location filename="../work/main/caseworker/ui/main_window.py" line="228"/>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="86"/>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="89"/>
        <location filename="../work/main/caseworker/ui/main_window.py" line="222"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="90"/>
        <source>Alerts</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="91"/>
        <location filename="../work/main/caseworker/ui/main_window.py" line="107"/>
        <source>Team dashboard</source>
        <translation>Teamdashboard</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="92"/>
        <location filename="../work/main/caseworker/ui/main_window.py" line="113"/>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="93"/>
        <location filename="../work/main/caseworker/ui/main_window.py" line="169"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="100"/>
        <source>Caseload and open dossiers</source>
        <translation>Caseload en geopende dossiers</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="108"/>
        <source>The team dashboard with indicators comes in a later version.</source>
        <translation>Het teamdashboard met indicatoren komt in een volgende versie.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="114"/>
        <source>No sync conflicts. Conflicts appear here once synchronisation is set up.</source>
        <translation>Geen synchronisatieconflicten. Conflicten verschijnen hier zodra synchronisatie is ingesteld.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="127"/>
        <location filename="../work/main/caseworker/ui/main_window.py" line="232"/>
        <source>Sync: not set up</source>
        <translation>Synchronisatie: niet ingesteld</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="149"/>
        <source>&amp;Search</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="151"/>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="153"/>
        <source>&amp;Close dossier</source>
        <translation>Dossier &amp;sluiten</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="154"/>
        <source>&amp;New household</source>
        <translation>&amp;Nieuw huishouden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="156"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="157"/>
        <source>&amp;About Caseworker</source>
        <translation>&amp;Over Caseworker</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="158"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="164"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="173"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="175"/>
        <source>Lock after idle minutes</source>
        <translation>Vergrendelen na minuten zonder activiteit</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="178"/>
        <source>Lock after being idle for:</source>
        <translation>Vergrendelen na inactiviteit van:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="199"/>
        <source>About Caseworker</source>
        <translation>Over Caseworker</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="201"/>
        <source>&lt;h3&gt;Caseworker %1&lt;/h3&gt;&lt;p&gt;For the caseworkers of the WIJ-teams: intake, family plan and self-reliance, stored encrypted on this laptop.&lt;/p&gt;&lt;p&gt;Licence: EUPL-1.2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Caseworker %1&lt;/h3&gt;&lt;p&gt;Voor de medewerkers van de WIJ-teams: intake, gezinsplan en zelfredzaamheid, versleuteld bewaard op deze laptop.&lt;/p&gt;&lt;p&gt;Licentie: EUPL-1.2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="227"/>
        <source>Unlocked</source>
        <translation>Ontgrendeld</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="230"/>
        <source>Enrolled with %1</source>
        <translation>Aangemeld bij %1</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="257"/>
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/main_window.py" line="258"/>
        <source>Caseworker (locked)</source>
        <translation>Caseworker (vergrendeld)</translation>
    </message>
</context>
<context>
    <name>MembersSection</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="18"/>
        <source>parent / carer</source>
        <translation>ouder / verzorger</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="19"/>
        <source>child</source>
        <translation>kind</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="20"/>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="36"/>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="51"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="37"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="38"/>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="39"/>
        <source>Age</source>
        <translation>Leeftijd</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="40"/>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="41"/>
        <source>School or work</source>
        <translation>School of werk</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="44"/>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="82"/>
        <source>Household members</source>
        <translation>Gezinsleden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="52"/>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="53"/>
        <source>Contact of</source>
        <translation>Contact van</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="54"/>
        <source>Can help with</source>
        <translation>Kan helpen met</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="55"/>
        <source>Availability</source>
        <translation>Beschikbaarheid</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="56"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="59"/>
        <source>Network contacts</source>
        <translation>Netwerkcontacten</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="64"/>
        <source>Add member</source>
        <translation>Gezinslid toevoegen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="66"/>
        <source>Edit member</source>
        <translation>Gezinslid wijzigen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="68"/>
        <source>Add network contact</source>
        <translation>Netwerkcontact toevoegen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="70"/>
        <source>Edit network contact</source>
        <translation>Netwerkcontact wijzigen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="85"/>
        <source>Social network: who can help with what</source>
        <translation>Sociaal netwerk: wie kan helpen met wat</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/members.py" line="112"/>
        <source>household</source>
        <translation>huishouden</translation>
    </message>
</context>
<context>
    <name>NetworkContactDialog</name>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="33"/>
        <source>Edit network contact</source>
        <translation>Netwerkcontact wijzigen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="35"/>
        <source>New network contact</source>
        <translation>Nieuw netwerkcontact</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="42"/>
        <source>e.g. neighbour, grandmother, volunteer</source>
        <translation>bijv. buurvrouw, oma, vrijwilliger</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="44"/>
        <source>The whole household</source>
        <translation>Het hele huishouden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="51"/>
        <source>e.g. weekday afternoons</source>
        <translation>bijv. doordeweekse middagen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="53"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="54"/>
        <source>&amp;Relation:</source>
        <translation>&amp;Relatie:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="55"/>
        <source>Contact &amp;of:</source>
        <translation>Contact &amp;van:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="56"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="57"/>
        <source>Can &amp;help with:</source>
        <translation>Kan &amp;helpen met:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/network_dialog.py" line="58"/>
        <source>&amp;Availability:</source>
        <translation>&amp;Beschikbaarheid:</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="38"/>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="39"/>
        <source>Neighbourhood:</source>
        <translation>Wijk:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="40"/>
        <source>Phone:</source>
        <translation>Telefoon:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="41"/>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="42"/>
        <source>Opened on:</source>
        <translation>Gestart op:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="43"/>
        <source>Closed on:</source>
        <translation>Afgesloten op:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="44"/>
        <source>Members:</source>
        <translation>Gezinsleden:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="45"/>
        <source>Network contacts:</source>
        <translation>Netwerkcontacten:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="46"/>
        <source>Provisions:</source>
        <translation>Voorzieningen:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="51"/>
        <source>Alerts</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="56"/>
        <source>No alerts.</source>
        <translation>Geen signalen.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="57"/>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="70"/>
        <source>Escalations</source>
        <translation>Escalaties</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="64"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="69"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="69"/>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="69"/>
        <source>Resolved</source>
        <translation>Opgelost</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="69"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/overview.py" line="72"/>
        <source>No escalations.</source>
        <translation>Geen escalaties.</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../work/main/caseworker/ui/passphrase_fields.py" line="27"/>
        <source>a sentence of four or more words</source>
        <translation>een zin van vier of meer woorden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/passphrase_fields.py" line="34"/>
        <source>Passphrase strength</source>
        <translation>Sterkte van het wachtwoord</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/passphrase_fields.py" line="40"/>
        <source>Remember this passphrase well. Without the passphrase the data cannot be recovered: not by you, not by the administrator, not by anyone.</source>
        <translation>Onthoud dit wachtwoord goed: zonder wachtwoord zijn de gegevens niet terug te halen, niet door u, niet door de beheerder, door niemand.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/passphrase_fields.py" line="52"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/passphrase_fields.py" line="55"/>
        <source>&amp;Repeat passphrase:</source>
        <translation>&amp;Herhaal wachtwoord:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/passphrase_fields.py" line="63"/>
        <source>Strength: enter a passphrase</source>
        <translation>Sterkte: vul een wachtwoord in</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/passphrase_fields.py" line="67"/>
        <source>Strength: %1</source>
        <translation>Sterkte: %1</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/passphrase_fields.py" line="78"/>
        <source>The two passphrases are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="27"/>
        <source>Edit household member</source>
        <translation>Gezinslid wijzigen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="29"/>
        <source>New household member</source>
        <translation>Nieuw gezinslid</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="37"/>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="39"/>
        <source>Parent / carer</source>
        <translation>Ouder / verzorger</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="40"/>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="41"/>
        <source>Other household member</source>
        <translation>Overig gezinslid</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="43"/>
        <source>9 digits (optional)</source>
        <translation>9 cijfers (niet verplicht)</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="50"/>
        <source>&amp;Given name:</source>
        <translation>&amp;Voornaam:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="51"/>
        <source>&amp;Family name:</source>
        <translation>&amp;Achternaam:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="52"/>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Geboortedatum:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="53"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="54"/>
        <source>&amp;BSN:</source>
        <translation>&amp;BSN:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="55"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="56"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="57"/>
        <source>&amp;School or work:</source>
        <translation>&amp;School of werk:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="58"/>
        <source>N&amp;ote:</source>
        <translation>N&amp;otitie:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="75"/>
        <source>Enter the date as dd-mm-yyyy, e.g. 23-11-2026.</source>
        <translation>Vul de datum in als dd-mm-jjjj, bijvoorbeeld 23-11-2026.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/person_dialog.py" line="83"/>
        <source>This is not a valid BSN: it does not pass the eleven test (11-proef). Check the 9 digits.</source>
        <translation>Dit is geen geldig BSN: het voldoet niet aan de 11-proef. Controleer de 9 cijfers.</translation>
    </message>
</context>
<context>
    <name>PlanSummaryView</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="80"/>
        <source>Family plan</source>
        <translation>Gezinsplan</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="82"/>
        <source>There is no plan yet.</source>
        <translation>Er is nog geen plan.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="86"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="87"/>
        <source>Version:</source>
        <translation>Versie:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="88"/>
        <source>Agreed on:</source>
        <translation>Vastgesteld op:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="89"/>
        <source>Next evaluation:</source>
        <translation>Volgende evaluatie:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="90"/>
        <source>%1 goals: %2 open, %3 reached, %4 not reached</source>
        <translation>%1 doelen: %2 open, %3 bereikt, %4 niet bereikt</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="98"/>
        <source>Goals:</source>
        <translation>Doelen:</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="100"/>
        <source>%1 actions, %2 still open</source>
        <translation>%1 acties, %2 nog open</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="104"/>
        <source>Actions:</source>
        <translation>Acties:</translation>
    </message>
</context>
<context>
    <name>ProvisionsSection</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="20"/>
        <source>Provision</source>
        <translation>Voorziening</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="21"/>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="22"/>
        <source>Funding</source>
        <translation>Financiering</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="23"/>
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="24"/>
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="25"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="26"/>
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="27"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="30"/>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="33"/>
        <source>Provisions</source>
        <translation>Voorzieningen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/provisions.py" line="46"/>
        <source>household</source>
        <translation>huishouden</translation>
    </message>
</context>
<context>
    <name>ServiceFormDialog</name>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/base.py" line="52"/>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dialogs/base.py" line="53"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>Summaries</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="26"/>
        <source>in progress</source>
        <translation>loopt</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="27"/>
        <source>completed</source>
        <translation>afgerond</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="28"/>
        <source>abandoned</source>
        <translation>gestopt</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="34"/>
        <source>1 First contact</source>
        <translation>1 Eerste contact</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="35"/>
        <source>2 Clarifying the question</source>
        <translation>2 Vraagverheldering &amp; resultaat vaststellen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="38"/>
        <source>3 Agreeing on a solution</source>
        <translation>3 Oplossing afspreken</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="39"/>
        <source>4 Arrangement</source>
        <translation>4 Arrangement</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="40"/>
        <source>5 Allocating provisions</source>
        <translation>5 Toewijzing voorzieningen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="46"/>
        <source>draft</source>
        <translation>concept</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="47"/>
        <source>agreed</source>
        <translation>vastgesteld</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="48"/>
        <source>closed</source>
        <translation>afgesloten</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/timeline.py" line="16"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/timeline.py" line="16"/>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/timeline.py" line="16"/>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="162"/>
        <location filename="../work/main/caseworker/ui/unlock.py" line="165"/>
        <source>Unlock Caseworker</source>
        <translation>Caseworker ontgrendelen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="167"/>
        <source>Enter your passphrase to open the encrypted store on this laptop.</source>
        <translation>Vul uw wachtwoord in om de versleutelde opslag op deze laptop te openen.</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="51"/>
        <source>Demo: the passphrase is %1</source>
        <translation>Demo: het wachtwoord is %1</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="58"/>
        <location filename="../work/main/caseworker/ui/unlock.py" line="59"/>
        <source>Passphrase</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="61"/>
        <location filename="../work/main/caseworker/ui/unlock.py" line="145"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="72"/>
        <source>Unlocking</source>
        <translation>Bezig met ontgrendelen</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="102"/>
        <source>Enter your passphrase.</source>
        <translation>Vul uw wachtwoord in.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="126"/>
        <source>The passphrase is not correct.</source>
        <translation>Het wachtwoord is onjuist.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="133"/>
        <source>The store could not be opened (%1).</source>
        <translation>De opslag kon niet worden geopend (%1).</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/unlock.py" line="142"/>
        <source>Try again in %1 s</source>
        <translation>Opnieuw over %1 s</translation>
    </message>
</context>
<context>
    <name>ZrmSummaryView</name>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="114"/>
        <source>Latest self-reliance assessments (ZRM)</source>
        <translation>Laatste metingen van zelfredzaamheid (ZRM)</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="116"/>
        <source>No ZRM assessment yet.</source>
        <translation>Nog geen ZRM-meting.</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="122"/>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="130"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="130"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="130"/>
        <source>Domain</source>
        <translation>Domein</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="130"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../work/main/caseworker/ui/dossier/summaries.py" line="131"/>
        <source>ZRM scores</source>
        <translation>ZRM-scores</translation>
    </message>
</context>
</TS>
