<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AllocationPage</name>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="32" />
        <source>5. Allocation and agreement</source>
        <translation>5. Toewijzing en instemming</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="33" />
        <source>Review the plan with the family and record their agreement.</source>
        <translation>Loop het plan door met het gezin en leg de instemming vast.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="37" />
        <source>Plan review</source>
        <translation>Overzicht van het plan</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="43" />
        <source>Problems that block agreement</source>
        <translation>Knelpunten die vaststellen tegenhouden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="50" />
        <source>Date the family agreed</source>
        <translation>Datum instemming gezin</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="52" />
        <source>Family agreed &amp;on</source>
        <translation>Gezin stemde in &amp;op</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="55" />
        <source>How the family agreed</source>
        <translation>Hoe het gezin instemde</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="57" />
        <source>orally at the kitchen table</source>
        <translation>mondeling aan de keukentafel</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="57" />
        <source>signed on paper</source>
        <translation>op papier getekend</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="58" />
        <source>by e-mail</source>
        <translation>per e-mail</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="60" />
        <source>&amp;How</source>
        <translation>&amp;Hoe</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="62" />
        <source>Plan &amp;vaststellen (agree)</source>
        <translation>Plan &amp;vaststellen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="63" />
        <source>Agree the plan</source>
        <translation>Plan vaststellen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_allocation.py" line="99" />
        <source>The plan is agreed (version %1).</source>
        <translation>Het plan is vastgesteld (versie %1).</translation>
    </message>
</context>
<context>
    <name>ArrangementPage</name>
    <message>
        <location filename="../../caseworker/ui/intake/page_arrangement.py" line="34" />
        <source>4. Arrangement</source>
        <translation>4. Arrangement</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_arrangement.py" line="37" />
        <source>The provisions on top of what the family and network do: in kind (ZIN) or as a personal budget (PGB, only with a reason).</source>
        <translation>De voorzieningen bovenop wat gezin en netwerk doen: zorg in natura (ZIN) of een persoonsgebonden budget (PGB, alleen met reden).</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_arrangement.py" line="50" />
        <source>&amp;Add provision…</source>
        <translation>Voorziening &amp;toevoegen…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_arrangement.py" line="51" />
        <source>&amp;Edit…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_arrangement.py" line="52" />
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_arrangement.py" line="61" />
        <source>Notes on the arrangement</source>
        <translation>Aantekeningen bij het arrangement</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_arrangement.py" line="64" />
        <source>&amp;Notes</source>
        <translation>&amp;Aantekeningen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_arrangement.py" line="93" />
        <source>Estimated cost per month: %1</source>
        <translation>Geschatte kosten per maand: %1</translation>
    </message>
</context>
<context>
    <name>ClarificationPage</name>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="37" />
        <source>2. The question behind the question</source>
        <translation>2. Vraagverheldering &amp; resultaat vaststellen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="40" />
        <source>Per person and life area: what is asked, what is really needed, and the result the family wants.</source>
        <translation>Per persoon en leefgebied: wat er gevraagd wordt, wat er echt nodig is en het resultaat dat het gezin wil.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="57" />
        <source>Questions</source>
        <translation>Hulpvragen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="59" />
        <source>Add &amp;question</source>
        <translation>&amp;Vraag toevoegen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="63" />
        <source>Own strength and network</source>
        <translation>Eigen kracht en netwerk</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="66" />
        <source>Own strength</source>
        <translation>Eigen kracht</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="69" />
        <source>Own &amp;strength</source>
        <translation>Eigen &amp;kracht</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="71" />
        <source>What the network can do</source>
        <translation>Wat het netwerk kan doen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="74" />
        <source>&amp;Network</source>
        <translation>&amp;Netwerk</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="77" />
        <source>Goals of the plan (result to reach)</source>
        <translation>Doelen van het plan (te bereiken resultaat)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="80" />
        <source>Goals</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="84" />
        <source>Add &amp;goal…</source>
        <translation>&amp;Doel toevoegen…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="85" />
        <source>ZRM &amp;baseline…</source>
        <translation>ZRM-&amp;nulmeting…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="86" />
        <source>Can also be done later from the ZRM section</source>
        <translation>Kan ook later, vanuit het onderdeel ZRM</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_clarification.py" line="155" />
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
</context>
<context>
    <name>FirstContactPage</name>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="30" />
        <source>1. First contact</source>
        <translation>1. Eerste contact</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="31" />
        <source>Who asks what, how urgent, and is everyone safe?</source>
        <translation>Wie vraagt wat, hoe dringend, en is iedereen veilig?</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="35" />
        <source>Referral source</source>
        <translation>Verwijzer</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="39" />
        <source>(choose)</source>
        <translation>(kies)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="41" />
        <source>&amp;Referred by</source>
        <translation>&amp;Aangemeld door</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="43" />
        <source>Who asks</source>
        <translation>Wie vraagt</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="44" />
        <source>&amp;Who asks</source>
        <translation>&amp;Wie vraagt</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="46" />
        <source>Presented question</source>
        <translation>Gestelde vraag</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="47" />
        <source>The question as it is asked</source>
        <translation>De vraag zoals die gesteld wordt</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="50" />
        <source>&amp;Question as asked</source>
        <translation>&amp;Gestelde vraag</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="52" />
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="56" />
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="57" />
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="58" />
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="59" />
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="64" />
        <source>&amp;Urgency</source>
        <translation>&amp;Urgentie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="67" />
        <source>Safety screen</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="69" />
        <source>Signals of domestic violence</source>
        <translation>Signalen van huiselijk geweld</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_first_contact.py" line="70" />
        <source>Signals of child abuse</source>
        <translation>Signalen van kindermishandeling</translation>
    </message>
</context>
<context>
    <name>IntakeSection</name>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="30" />
        <source>Intakes</source>
        <translation>Intakes</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="41" />
        <source>in progress</source>
        <translation>loopt</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="42" />
        <source>completed</source>
        <translation>afgerond</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="43" />
        <source>abandoned</source>
        <translation>afgebroken</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="50" />
        <source>An intake is in progress at step %1 of 5.</source>
        <translation>Er loopt een intake, bij stap %1 van 5.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="54" />
        <source>&amp;Resume intake</source>
        <translation>Intake &amp;hervatten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="57" />
        <source>A new intake extends the household's one plan.</source>
        <translation>Een nieuwe intake vult het ene plan van het huishouden aan.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="59" />
        <source>No intake yet.</source>
        <translation>Nog geen intake.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/section.py" line="61" />
        <source>&amp;Start intake</source>
        <translation>Intake &amp;starten</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <location filename="../../caseworker/ui/intake/wizard.py" line="34" />
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/wizard.py" line="38" />
        <source>Save and close</source>
        <translation>Opslaan en sluiten</translation>
    </message>
</context>
<context>
    <name>MeldcodePanel</name>
    <message>
        <location filename="../../caseworker/ui/intake/meldcode.py" line="27" />
        <source>Meldcode domestic violence and child abuse</source>
        <translation>Meldcode huiselijk geweld en kindermishandeling</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/meldcode.py" line="31" />
        <source>Meldcode steps</source>
        <translation>Stappen van de meldcode</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/meldcode.py" line="35" />
        <source>Meldcode step reached</source>
        <translation>Bereikte stap van de meldcode</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/meldcode.py" line="37" />
        <source>Step &amp;reached</source>
        <translation>Bereikte &amp;stap</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/meldcode.py" line="39" />
        <source>Signals observed</source>
        <translation>Waargenomen signalen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/meldcode.py" line="40" />
        <source>Facts and observations, with source</source>
        <translation>Feiten en waarnemingen, met bron</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/meldcode.py" line="41" />
        <source>&amp;Observed</source>
        <translation>&amp;Waargenomen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/meldcode.py" line="42" />
        <source>Reported to Veilig Thuis</source>
        <translation>Gemeld bij Veilig Thuis</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="45" />
        <source>For whom</source>
        <translation>Voor wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="47" />
        <source>Whole household</source>
        <translation>Hele huishouden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="50" />
        <source>Life area</source>
        <translation>Leefgebied</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="56" />
        <source>Remove this question</source>
        <translation>Deze vraag verwijderen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="57" />
        <location filename="../../caseworker/ui/intake/question_row.py" line="67" />
        <source>Question as asked</source>
        <translation>Gestelde vraag</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="57" />
        <source>As asked</source>
        <translation>Zoals gevraagd</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="59" />
        <location filename="../../caseworker/ui/intake/question_row.py" line="68" />
        <source>Question behind the question</source>
        <translation>Vraag achter de vraag</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="59" />
        <source>What is really needed</source>
        <translation>Wat er echt nodig is</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="62" />
        <source>Desired result</source>
        <translation>Gewenst resultaat</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="62" />
        <source>In the family's own words</source>
        <translation>In de eigen woorden van het gezin</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/question_row.py" line="69" />
        <source>Desired result (family's words)</source>
        <translation>Gewenst resultaat (woorden van het gezin)</translation>
    </message>
</context>
<context>
    <name>SolutionPage</name>
    <message>
        <location filename="../../caseworker/ui/intake/page_solution.py" line="55" />
        <source>3. Agree on the solution</source>
        <translation>3. Oplossing afspreken</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_solution.py" line="58" />
        <source>Start at step 1: what the family and its network do; go higher only when really needed.</source>
        <translation>Begin bij trede 1: wat het gezin en het netwerk zelf doen; ga alleen hoger als het echt nodig is.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/intake/page_solution.py" line="85" />
        <source>Add action on step %n…</source>
        <translation><numerusform>Actie op trede %n toevoegen…</numerusform><numerusform>Actie op trede %n toevoegen…</numerusform></translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_solution.py" line="86" />
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_solution.py" line="98" />
        <source>Notes on the solution</source>
        <translation>Aantekeningen bij de oplossing</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/intake/page_solution.py" line="101" />
        <source>&amp;Notes</source>
        <translation>&amp;Aantekeningen</translation>
    </message>
</context>
</TS>