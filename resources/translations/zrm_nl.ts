<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="73" />
        <source>ZRM measurement</source>
        <translation>ZRM-meting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="85" />
        <source>Who is measured</source>
        <translation>Wie wordt gemeten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="86" />
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="87" />
        <source>&amp;Who</source>
        <translation>&amp;Wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="89" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="90" />
        <source>&amp;Instrument</source>
        <translation>&amp;Instrument</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="91" />
        <source>Date of the measurement</source>
        <translation>Datum van de meting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="93" />
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="95" />
        <source>Kind of measurement</source>
        <translation>Soort meting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="99" />
        <source>Baseline</source>
        <translation>Nulmeting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="100" />
        <source>Interim</source>
        <translation>Tussenmeting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="101" />
        <source>Final</source>
        <translation>Eindmeting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="106" />
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="112" />
        <source>All domains</source>
        <translation>Alle domeinen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="113" />
        <source>No domains</source>
        <translation>Geen domeinen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="124" />
        <source>Note on the measurement</source>
        <translation>Toelichting bij de meting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="125" />
        <source>Note on the whole measurement (optional)</source>
        <translation>Toelichting bij de hele meting (niet verplicht)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="164" />
        <source>Domain</source>
        <translation>Domein</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="165" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="166" />
        <source>Previous</source>
        <translation>Vorige</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="167" />
        <source>Change</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/assessment_dialog.py" line="168" />
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
</context>
<context>
    <name>RadarChartView</name>
    <message>
        <location filename="../../caseworker/ui/zrm/charts.py" line="58" />
        <source>ZRM radar</source>
        <translation>ZRM-radar</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/charts.py" line="84" />
        <source>Baseline</source>
        <translation>Nulmeting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/charts.py" line="85" />
        <source>Latest</source>
        <translation>Laatste</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/charts.py" line="86" />
        <source>Target</source>
        <translation>Streefscore</translation>
    </message>
</context>
<context>
    <name>TeamDashboard</name>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="76" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="81" />
        <source>My team</source>
        <translation>Mijn team</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="82" />
        <source>All teams</source>
        <translation>Alle teams</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="86" />
        <source>Period start</source>
        <translation>Begin periode</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="88" />
        <source>Period end</source>
        <translation>Einde periode</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="90" />
        <source>&amp;Compute</source>
        <translation>&amp;Berekenen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="91" />
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporteren naar CSV…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="93" />
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="93" />
        <source>From:</source>
        <translation>Van:</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="94" />
        <source>to:</source>
        <translation>tot:</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="109" />
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="109" />
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="109" />
        <source>Numerator</source>
        <translation>Teller</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="110" />
        <source>Denominator</source>
        <translation>Noemer</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="113" />
        <source>Provision category</source>
        <translation>Categorie voorziening</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="113" />
        <source>Households</source>
        <translation>Huishoudens</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="113" />
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="117" />
        <source>Client experience</source>
        <translation>Cliëntervaring</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="117" />
        <source>Mean (1–5)</source>
        <translation>Gemiddeld (1–5)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="117" />
        <source>Agree (4–5)</source>
        <translation>Eens (4–5)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="118" />
        <source>Answers</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="121" />
        <source>Indicators</source>
        <translation>Indicatoren</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="122" />
        <source>Users per category</source>
        <translation>Gebruik per categorie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="123" />
        <source>Client experience at closure</source>
        <translation>Cliëntervaring bij afsluiten</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="133" />
        <source>Click a number to see its households.</source>
        <translation>Klik op een getal om de huishoudens erachter te zien.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="136" />
        <source>Households behind the number</source>
        <translation>Huishoudens achter het getal</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="172" />
        <source>The period ends before it starts.</source>
        <translation>De periode eindigt voordat ze begint.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="183" />
        <source>Computing…</source>
        <translation>Bezig met berekenen…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="189" />
        <source>The indicators could not be computed.</source>
        <translation>De indicatoren konden niet worden berekend.</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="224" />
        <source>Period %1 – %2</source>
        <translation>Periode %1 – %2</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="247" />
        <source>Show the households behind this number</source>
        <translation>Toon de huishoudens achter dit getal</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dashboard/view.py" line="273" />
        <source>Export indicators</source>
        <translation>Indicatoren exporteren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/dashboard/view.py" line="286" />
        <source>Exported %n rows.</source>
        <translation><numerusform>%n regel geëxporteerd.</numerusform><numerusform>%n regels geëxporteerd.</numerusform></translation>
    </message>
</context>
<context>
    <name>TrendChartView</name>
    <message>
        <location filename="../../caseworker/ui/zrm/charts.py" line="124" />
        <source>ZRM trend</source>
        <translation>ZRM-verloop</translation>
    </message>
</context>
<context>
    <name>ZrmSection</name>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="45" />
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="47" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="48" />
        <source>&amp;New measurement…</source>
        <translation>&amp;Nieuwe meting…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="49" />
        <source>Who:</source>
        <translation>Wie:</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="51" />
        <source>Instrument:</source>
        <translation>Instrument:</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="63" />
        <source>Measurements</source>
        <translation>Metingen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="65" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="65" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="65" />
        <source>Domains</source>
        <translation>Domeinen</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="65" />
        <source>Average</source>
        <translation>Gemiddelde</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="80" />
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="123" />
        <source>Baseline</source>
        <translation>Nulmeting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="124" />
        <source>Interim</source>
        <translation>Tussenmeting</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/zrm/section.py" line="125" />
        <source>Final</source>
        <translation>Eindmeting</translation>
    </message>
</context>
</TS>