extension MealPlan {
    /// The report's stylesheet: screen and print, A4 and Letter (12 mm margins leave a 186 mm
    /// column on both; the page size is left to the printer), black-and-white safe (every
    /// colour comes with a number, a label or a hatch pattern). No `<` or `&`, so it stays
    /// well-formed XML inside `<style>`.
    static let reportStyle = """
    :root { --ink: #111; --muted: #555; --rule: #bbb; --c0: #f7fbff; --c1: #c6dbef; --c2: #6baed6; --c3: #2171b5; --c4: #08306b; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: var(--ink); margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; }
    h1 { font-size: 19pt; margin: 0 0 2mm 0; }
    h2 { font-size: 14pt; margin: 7mm 0 2mm 0; border-bottom: 1.5pt solid var(--ink); padding-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm 0; break-after: avoid; page-break-after: avoid; }
    h4 { font-size: 10.5pt; margin: 2.5mm 0 1mm 0; break-after: avoid; page-break-after: avoid; }
    p, ul, ol { margin: 1mm 0 2mm 0; }
    ul, ol { padding-left: 6mm; }
    .dates { font-size: 12pt; margin-bottom: 3mm; }
    .muted, .source { color: var(--muted); font-size: 9pt; }
    .disclaimer { border: 1.5pt solid var(--ink); padding: 2mm 3mm; font-weight: bold; margin: 3mm 0; break-inside: avoid; }
    dl.facts { display: grid; grid-template-columns: 32mm 1fr; gap: 0.8mm 3mm; margin: 2mm 0; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 3mm 0; }
    th, td { border: 0.6pt solid var(--rule); padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
    thead th { background: #eee; border-bottom: 1.2pt solid var(--ink); }
    tr { break-inside: avoid; page-break-inside: avoid; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    table.grid { table-layout: fixed; font-size: 8pt; }
    table.grid th:first-child { width: 19mm; }
    table.grid td { hyphens: auto; overflow-wrap: anywhere; }
    table.heat { table-layout: fixed; font-size: 9pt; }
    table.heat th:first-child { width: 40mm; }
    table.heat td { text-align: center; font-variant-numeric: tabular-nums; }
    td.c0 { background: var(--c0); }
    td.c1 { background: var(--c1); }
    td.c2 { background: var(--c2); }
    td.c3 { background: var(--c3); color: #fff; }
    td.c4 { background: var(--c4); color: #fff; font-weight: bold; }
    .legend { font-size: 9pt; }
    .legend span { display: inline-block; border: 0.6pt solid var(--rule); padding: 0 1.5mm; margin-right: 1mm; }
    .legend .c3, .legend .c4 { color: #fff; }
    .legend .c0 { background: var(--c0); } .legend .c1 { background: var(--c1); } .legend .c2 { background: var(--c2); }
    .legend .c3 { background: var(--c3); } .legend .c4 { background: var(--c4); font-weight: bold; }
    figure { margin: 2mm 0 4mm 0; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-size: 9pt; color: var(--muted); }
    svg { width: 100%; height: auto; display: block; }
    svg text.value { stroke: #fff; stroke-width: 3px; paint-order: stroke; }
    svg text { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; fill: #111; }
    section.day { break-inside: avoid; page-break-inside: avoid; border-top: 0.8pt solid var(--rule); padding-top: 1mm; }
    .item { break-inside: avoid; page-break-inside: avoid; }
    .item h4 .meta { font-weight: normal; color: var(--muted); font-size: 9pt; }
    .stress { border-left: 2pt solid var(--ink); padding-left: 2mm; }
    .columns { columns: 2; column-gap: 6mm; }
    .columns .item { break-inside: avoid; }
    section.aisle { break-inside: avoid; page-break-inside: avoid; }
    footer { margin-top: 6mm; border-top: 0.8pt solid var(--rule); padding-top: 2mm; font-size: 9pt; }
    @page { margin: 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 9.5pt; }
      h2.page { break-before: page; page-break-before: always; }
      .noprint { display: none; }
    }
    """
}
