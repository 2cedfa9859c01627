<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="40" />
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="43" />
        <source>Step</source>
        <translation>Trede</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="45" />
        <source>&amp;Step</source>
        <translation>&amp;Trede</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="51" />
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="54" />
        <source>&amp;What</source>
        <translation>&amp;Wat</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="56" />
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="58" />
        <source>W&amp;ho</source>
        <translation>W&amp;ie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="60" />
        <source>Family member</source>
        <translation>Gezinslid</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="61" />
        <source>(family)</source>
        <translation>(gezin)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="62" />
        <source>Family &amp;member</source>
        <translation>&amp;Gezinslid</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="64" />
        <source>Network contact</source>
        <translation>Netwerklid</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="65" />
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="72" />
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="66" />
        <source>&amp;Network contact</source>
        <translation>&amp;Netwerklid</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="68" />
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="69" />
        <source>&amp;Provider</source>
        <translation>&amp;Aanbieder</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="71" />
        <source>For goal</source>
        <translation>Bij doel</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="73" />
        <source>For &amp;goal</source>
        <translation>Bij &amp;doel</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="75" />
        <source>Justification</source>
        <translation>Onderbouwing</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="79" />
        <source>Why steps 1 and 2 are not enough (cheapest adequate solution)</source>
        <translation>Waarom trede 1 en 2 niet volstaan (goedkoopst adequate oplossing)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="81" />
        <source>&amp;Justification</source>
        <translation>&amp;Onderbouwing</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="84" />
        <source>Due date</source>
        <translation>Streefdatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="85" />
        <source>D&amp;ue date</source>
        <translation>&amp;Streefdatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="147" />
        <source>Describe the action.</source>
        <translation>Omschrijf de actie.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/action_dialog.py" line="151" />
        <source>An action on step 3 or 4 needs a justification (seed 002).</source>
        <translation>Een actie op trede 3 of 4 vraagt een onderbouwing (seed 002).</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="47" />
        <source>Close the case</source>
        <translation>Dossier afsluiten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="54" />
        <source>Closing reason</source>
        <translation>Reden van afsluiten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="60" />
        <source>&amp;Reason</source>
        <translation>&amp;Reden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="61" />
        <source>Closing date</source>
        <translation>Datum afsluiten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="63" />
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="65" />
        <source>Closing note</source>
        <translation>Toelichting bij afsluiten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="68" />
        <source>&amp;Note</source>
        <translation>&amp;Toelichting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="74" />
        <source>Final ZRM measurement</source>
        <translation>ZRM-eindmeting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="77" />
        <source>No recent measurement yet for these members:</source>
        <translation>Nog geen recente meting voor deze gezinsleden:</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="88" />
        <source>Client experience (1 = not at all, 5 = very much)</source>
        <translation>Cliëntervaring (1 = helemaal niet, 5 = heel erg)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="91" />
        <source>Can better do the things they want (own control)</source>
        <translation>Kan de dingen die men wil beter doen (eigen regie)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="92" />
        <source>Can better manage (self-reliance)</source>
        <translation>Kan zich beter redden (zelfredzaamheid)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="93" />
        <source>Has a better quality of life</source>
        <translation>Heeft een betere kwaliteit van leven</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="94" />
        <source>The support fitted the request for help</source>
        <translation>De ondersteuning paste bij de hulpvraag</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="95" />
        <source>Quality of the support</source>
        <translation>Kwaliteit van de ondersteuning</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/close_dialog.py" line="101" />
        <source>(no answer)</source>
        <translation>(geen antwoord)</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <location filename="../../caseworker/ui/plan/escalation_dialog.py" line="25" />
        <source>Escalate</source>
        <translation>Opschalen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/escalation_dialog.py" line="31" />
        <source>Escalate to</source>
        <translation>Opschalen naar</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/escalation_dialog.py" line="41" />
        <source>&amp;To</source>
        <translation>&amp;Naar</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/escalation_dialog.py" line="43" />
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/escalation_dialog.py" line="46" />
        <source>&amp;Reason</source>
        <translation>&amp;Reden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/escalation_dialog.py" line="47" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/escalation_dialog.py" line="49" />
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
</context>
<context>
    <name>FuturePlanDialog</name>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="35" />
        <source>Future plan</source>
        <translation>Toekomstplan</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="40" />
        <source>Youth</source>
        <translation>Jongere</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="42" />
        <source>&amp;Youth</source>
        <translation>&amp;Jongere</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="44" />
        <source>Housing</source>
        <translation>Wonen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="45" />
        <source>School, work or daytime activity</source>
        <translation>School, werk of dagbesteding</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="46" />
        <source>Finances</source>
        <translation>Financiën</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="47" />
        <source>Social contacts</source>
        <translation>Sociale contacten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="48" />
        <source>Care and support after 18</source>
        <translation>Zorg en ondersteuning na 18</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="58" />
        <source>Agreed on</source>
        <translation>Afgesproken op</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/future_plan_dialog.py" line="59" />
        <source>&amp;Agreed on</source>
        <translation>&amp;Afgesproken op</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="39" />
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="52" />
        <source>Goal</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="45" />
        <source>For whom</source>
        <translation>Voor wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="47" />
        <source>Whole household</source>
        <translation>Hele huishouden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="49" />
        <source>For &amp;whom</source>
        <translation>&amp;Voor wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="53" />
        <source>What the family wants to reach, in its words</source>
        <translation>Wat het gezin wil bereiken, in eigen woorden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="56" />
        <source>&amp;Goal</source>
        <translation>&amp;Doel</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="59" />
        <source>Life area</source>
        <translation>Leefgebied</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="63" />
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="118" />
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="65" />
        <source>&amp;Life area</source>
        <translation>&amp;Leefgebied</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="68" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="69" />
        <source>&amp;Instrument</source>
        <translation>&amp;Instrument</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="71" />
        <source>ZRM domain</source>
        <translation>ZRM-domein</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="72" />
        <source>ZRM &amp;domain</source>
        <translation>ZRM-&amp;domein</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="75" />
        <source>Baseline score</source>
        <translation>Beginscore</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="76" />
        <source>&amp;Baseline</source>
        <translation>&amp;Beginscore</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="78" />
        <source>Latest score</source>
        <translation>Laatste score</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="79" />
        <source>Latest</source>
        <translation>Laatste</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="81" />
        <source>Target score</source>
        <translation>Streefscore</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="82" />
        <source>&amp;Target</source>
        <translation>&amp;Streefscore</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="83" />
        <source>Due date</source>
        <translation>Streefdatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="84" />
        <source>D&amp;ue date</source>
        <translation>&amp;Streefdatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="157" />
        <source>Describe the goal.</source>
        <translation>Omschrijf het doel.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/goal_dialog.py" line="161" />
        <source>The target score is lower than the baseline.</source>
        <translation>De streefscore is lager dan de beginscore.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../caseworker/ui/plan/history_dialog.py" line="31" />
        <source>Plan versions</source>
        <translation>Versies van het plan</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/history_dialog.py" line="38" />
        <source>Version %1 of %2</source>
        <translation>Versie %1 van %2</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/history_dialog.py" line="43" />
        <source>Older version</source>
        <translation>Oudere versie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/history_dialog.py" line="44" />
        <source>(nothing: first version)</source>
        <translation>(niets: eerste versie)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/history_dialog.py" line="46" />
        <source>Newer version</source>
        <translation>Nieuwere versie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/history_dialog.py" line="48" />
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/history_dialog.py" line="50" />
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/history_dialog.py" line="54" />
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="108" />
        <source>Plan status</source>
        <translation>Status van het plan</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="112" />
        <source>Become &amp;coordinator</source>
        <translation>&amp;Regisseur worden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="114" />
        <source>Evaluation:</source>
        <translation>Evaluatie:</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="115" />
        <source>Evaluation date</source>
        <translation>Evaluatiedatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="126" />
        <location filename="../../caseworker/ui/plan/editor.py" line="132" />
        <source>Goals</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="130" />
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="130" />
        <source>Goal</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="130" />
        <source>ZRM domain</source>
        <translation>ZRM-domein</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="131" />
        <source>Baseline → latest → target</source>
        <translation>Begin → laatste → streef</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="131" />
        <location filename="../../caseworker/ui/plan/editor.py" line="143" />
        <source>Due</source>
        <translation>Streefdatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="138" />
        <location filename="../../caseworker/ui/plan/editor.py" line="144" />
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="142" />
        <source>Step</source>
        <translation>Trede</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="142" />
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="142" />
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="142" />
        <source>Justification</source>
        <translation>Onderbouwing</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="150" />
        <source>Provisions</source>
        <translation>Voorzieningen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="159" />
        <source>&amp;Versions…</source>
        <translation>&amp;Versies…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="160" />
        <source>&amp;Future plan…</source>
        <translation>&amp;Toekomstplan…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="161" />
        <source>E&amp;scalate…</source>
        <translation>&amp;Opschalen…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="162" />
        <source>C&amp;lose case…</source>
        <translation>Dossier &amp;afsluiten…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="183" />
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="184" />
        <source>Edit…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="185" />
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="193" />
        <source>End today</source>
        <translation>Vandaag beëindigen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="206" />
        <source>No plan yet: start the intake or add a goal.</source>
        <translation>Nog geen plan: start de intake of voeg een doel toe.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="210" />
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="211" />
        <source>Agreed</source>
        <translation>Vastgesteld</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="212" />
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="216" />
        <source>version %1 of %2</source>
        <translation>versie %1 van %2</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="220" />
        <source>changed since agreement</source>
        <translation>gewijzigd sinds vaststelling</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="222" />
        <source>Coordinator: </source>
        <translation>Regisseur: </translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/editor.py" line="234" />
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
</context>
<context>
    <name>ProvisionDialog</name>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="55" />
        <source>Provision</source>
        <translation>Voorziening</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="59" />
        <source>Provision from the catalogue</source>
        <translation>Voorziening uit de catalogus</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="62" />
        <source>&amp;Provision</source>
        <translation>&amp;Voorziening</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="67" />
        <source>For whom</source>
        <translation>Voor wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="69" />
        <source>Whole household</source>
        <translation>Hele huishouden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="71" />
        <source>For &amp;whom</source>
        <translation>&amp;Voor wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="73" />
        <source>Funding</source>
        <translation>Financiering</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="74" />
        <source>&amp;Funding</source>
        <translation>&amp;Financiering</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="76" />
        <source>Reason for PGB</source>
        <translation>Reden voor PGB</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="79" />
        <source>Why a PGB adds value here (required)</source>
        <translation>Waarom een PGB hier meerwaarde heeft (verplicht)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="80" />
        <source>PGB &amp;reason</source>
        <translation>&amp;Reden PGB</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="85" />
        <source>Units</source>
        <translation>Eenheden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="86" />
        <source>&amp;Units</source>
        <translation>&amp;Eenheden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="88" />
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="89" />
        <source>Pro&amp;vider</source>
        <translation>Aan&amp;bieder</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="90" />
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="91" />
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="92" />
        <source>End date</source>
        <translation>Einddatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="93" />
        <source>&amp;End</source>
        <translation>&amp;Einde</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="99" />
        <source>Cost per period</source>
        <translation>Kosten per periode</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="100" />
        <source>&amp;Cost</source>
        <translation>&amp;Kosten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="102" />
        <source>Cost period</source>
        <translation>Kostenperiode</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="105" />
        <source>Pe&amp;riod</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="107" />
        <source>Justification</source>
        <translation>Onderbouwing</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="111" />
        <source>Why steps 1 and 2 are not enough (cheapest adequate solution)</source>
        <translation>Waarom trede 1 en 2 niet volstaan (goedkoopst adequate oplossing)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="113" />
        <source>&amp;Justification</source>
        <translation>&amp;Onderbouwing</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="141" />
        <source>None (general provision)</source>
        <translation>Geen (algemene voorziening)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="143" />
        <source>In kind (ZIN)</source>
        <translation>Zorg in natura (ZIN)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="145" />
        <source>Personal budget (PGB)</source>
        <translation>Persoonsgebonden budget (PGB)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="206" />
        <source>Choose a provision.</source>
        <translation>Kies een voorziening.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="209" />
        <source>A PGB needs a written reason (seed 003).</source>
        <translation>Een PGB vraagt een geschreven reden (seed 003).</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="213" />
        <source>The end date is before the start date.</source>
        <translation>De einddatum ligt voor de startdatum.</translation>
    </message>
</context>
<context>
    <name>ProvisionTable</name>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="37" />
        <source>Provisions</source>
        <translation>Voorzieningen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="40" />
        <source>Provision</source>
        <translation>Voorziening</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="41" />
        <source>Step</source>
        <translation>Trede</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="42" />
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="43" />
        <source>Funding</source>
        <translation>Financiering</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="44" />
        <source>Units</source>
        <translation>Eenheden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="45" />
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="46" />
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="47" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="60" />
        <source>proposed</source>
        <translation>voorgesteld</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="61" />
        <source>granted</source>
        <translation>toegekend</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="62" />
        <source>ended</source>
        <translation>beëindigd</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="63" />
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="66" />
        <source>/week</source>
        <translation>/week</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="67" />
        <source>/month</source>
        <translation>/maand</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="68" />
        <source>/year</source>
        <translation>/jaar</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_table.py" line="83" />
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="34" />
        <source>per week</source>
        <translation>per week</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="35" />
        <source>per month</source>
        <translation>per maand</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="36" />
        <source>per year</source>
        <translation>per jaar</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/provision_dialog.py" line="37" />
        <source>once</source>
        <translation>eenmalig</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/review.py" line="18" />
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/review.py" line="19" />
        <source>Goals</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/review.py" line="20" />
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/review.py" line="21" />
        <source>Provisions</source>
        <translation>Voorzieningen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/review.py" line="22" />
        <source>due</source>
        <translation>streefdatum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/review.py" line="23" />
        <source>step</source>
        <translation>trede</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/review.py" line="24" />
        <source>Coordinator</source>
        <translation>Regisseur</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/review.py" line="25" />
        <source>Evaluation</source>
        <translation>Evaluatie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/widgets.py" line="88" />
        <source>The change could not be saved.</source>
        <translation>De wijziging kon niet worden opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/widgets.py" line="95" />
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="10" />
        <source>Step 1 – own strength and social network</source>
        <translation>Trede 1 – eigen kracht en sociaal netwerk</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="11" />
        <source>Step 2 – general provisions</source>
        <translation>Trede 2 – algemene voorzieningen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="12" />
        <source>Step 3 – targeted collective provisions</source>
        <translation>Trede 3 – gerichte collectieve voorzieningen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="13" />
        <source>Step 4 – (specialist) individual provisions</source>
        <translation>Trede 4 – (specialistische) individuele voorzieningen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="20" />
        <source>What can the family do itself, and what can the network do?</source>
        <translation>Wat kan het gezin zelf, en wat kan het netwerk doen?</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="23" />
        <source>Which general provision in the neighbourhood fits (open access)?</source>
        <translation>Welke algemene voorziening in de wijk past (vrij toegankelijk)?</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="26" />
        <source>Only if steps 1 and 2 are not enough: which targeted collective support?</source>
        <translation>Alleen als trede 1 en 2 niet volstaan: welke gerichte collectieve ondersteuning?</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="29" />
        <source>Only if really needed: which individual provision, the cheapest adequate?</source>
        <translation>Alleen als het echt nodig is: welke individuele voorziening, de goedkoopst adequate?</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="38" />
        <source>The family itself</source>
        <translation>Het gezin zelf</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="39" />
        <source>Network contact</source>
        <translation>Netwerklid</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="40" />
        <source>Caseworker</source>
        <translation>WIJ-medewerker</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/plan/steps.py" line="41" />
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
</context>
</TS>