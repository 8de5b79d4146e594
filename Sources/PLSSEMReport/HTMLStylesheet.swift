/// The inline stylesheet of the HTML report: system fonts, readable measure, tables with
/// right-aligned numbers, threshold highlights (amber caution, red misses) that also print,
/// and a scrollable figure for wide diagrams. No external resources.
///
/// On paper (`@media print`) nothing scrolls and nothing is clipped: tables shrink their type
/// and may wrap text cells at spaces (numbers never break; tables of more than nine columns
/// print in smaller type and may break their headers), the diagram scales to the page width, the code block wraps; a table's
/// heading, table and notes are kept together when the table is short (`break-inside: avoid`
/// on `.report-table.keep`, up to 16 rows); longer tables break between rows and repeat their
/// header row, and their heading never ends a page (`break-after: avoid`).
enum HTMLStylesheet {
  static let css = """
    :root { --ink: #1c1f24; --muted: #5b6470; --rule: #d8dde3; --accent: #2b5c9e; --bg: #ffffff;
      --caution: #fff1c7; --caution-ink: #7a5200; --misses: #fbd9d6; --misses-ink: #8f1d14; --zebra: #f6f8fa; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--ink);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
    main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
    header { border-bottom: 3px solid var(--accent); margin-bottom: 18px; padding-bottom: 8px; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 16px; margin: 24px 0 6px; }
    .subtitle, .note, figcaption, footer { color: var(--muted); }
    .note { font-size: 13px; margin: 4px 0; }
    code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
    pre { background: var(--zebra); border: 1px solid var(--rule); border-radius: 4px; padding: 10px 12px;
      overflow-x: auto; line-height: 1.45; }
    pre .comment { color: #6a737d; }
    nav ol { margin: 0; padding-left: 20px; columns: 2; font-size: 14px; }
    nav a { color: var(--accent); }
    .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 14px 0; }
    .fact { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; }
    .fact .value { font-size: 20px; font-weight: 600; }
    .fact .label { color: var(--muted); font-size: 13px; }
    .warning { background: var(--misses); color: var(--misses-ink); padding: 8px 12px; border-radius: 4px; }
    dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 8px 0; }
    dl.settings dt { color: var(--muted); }
    dl.settings dd { margin: 0; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; margin: 6px 0 4px; font-size: 14px; }
    th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); white-space: nowrap; }
    th { text-align: left; font-weight: 600; border-bottom: 2px solid #aab3bd; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
    tbody tr:nth-child(even) { background: var(--zebra); }
    td.caution { background: var(--caution); color: var(--caution-ink); }
    td.misses { background: var(--misses); color: var(--misses-ink); font-weight: 600; }
    .marker { font-size: 11px; font-weight: 700; margin-left: 2px; }
    figure { margin: 8px 0; }
    .diagram-figure { width: max(100%, min(calc(100vw - 40px), calc(var(--diagram-width) + 20px)));
      position: relative; left: 50%; transform: translateX(-50%); }
    .diagram { overflow-x: auto; border: 1px solid var(--rule); border-radius: 6px; padding: 8px; background: #fff; }
    .diagram svg { display: block; margin: 0 auto; width: 100%; max-width: var(--diagram-width);
      min-width: var(--diagram-min); height: auto; }
    .diagram-figure figcaption { max-width: 1044px; margin-left: auto; margin-right: auto; }
    figcaption { font-size: 13px; margin-top: 6px; }
    .legend span { display: inline-block; padding: 0 6px; border-radius: 3px; margin-right: 6px; }
    .legend .caution { background: var(--caution); color: var(--caution-ink); }
    .legend .misses { background: var(--misses); color: var(--misses-ink); }
    ol.references { font-size: 13px; color: var(--muted); padding-left: 20px; }
    .narrative p, ul.hypotheses li { line-height: 1.55; }
    ul.hypotheses { padding-left: 20px; }
    footer { border-top: 1px solid var(--rule); margin-top: 40px; padding-top: 8px; font-size: 13px; }
    @media print {
      @page { margin: 14mm 12mm; }
      body { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      nav { display: none; }
      h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
      h2 { margin-top: 18px; }
      .report-table.keep, figure, .facts, dl.settings { break-inside: avoid; page-break-inside: avoid; }
      .report-table > .table-wrap { break-before: avoid; page-break-before: avoid; }
      .table-wrap, .diagram, pre { overflow: visible; }
      table { font-size: 8.5pt; max-width: 100%; }
      th, td { padding: 2px 6px; white-space: normal; overflow-wrap: break-word; }
      th.num, td.num { white-space: nowrap; }
      .wide table { font-size: 6.5pt; }
      .wide th, .wide td { padding: 1px 3px; }
      .wide th { white-space: normal; overflow-wrap: anywhere; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; }
      .diagram-figure { width: 100%; left: 0; transform: none; }
      .diagram svg { min-width: 0; max-width: 100%; }
      td.caution, td.misses, .legend span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
