/* Progressive enhancement (the tables work without it: they scroll in their region). On a narrow screen each
   row of a table becomes a small card: every cell gets its column's name as a label (data-label, shown by
   look.css), and explicit table roles keep the table a table for screen readers when CSS lays it out as blocks. */
(function () {
  "use strict";
  function headings(table) {
    var names = [];
    var row = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!row) { return names; }
    Array.prototype.forEach.call(row.cells, function (cell) {
      for (var i = 0; i < (cell.colSpan || 1); i += 1) { names.push(cell.textContent.trim()); }
    });
    return names;
  }
  function label(table) {
    var names = headings(table);
    if (!names.length) { return; }
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot"), function (group) {
      group.setAttribute("role", "rowgroup");
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      var column = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        var header = cell.tagName === "TH";
        var inHead = row.parentNode && row.parentNode.tagName === "THEAD";
        cell.setAttribute("role", inHead ? "columnheader" : (header ? "rowheader" : "cell"));
        if (!inHead && names[column] && (cell.colSpan || 1) === 1) {
          cell.setAttribute("data-label", names[column]);
          var value = document.createElement("span");  // the cell's content as one piece beside its label
          value.className = "table__value";
          while (cell.firstChild) { value.appendChild(cell.firstChild); }
          cell.appendChild(value);
        }
        column += cell.colSpan || 1;
      });
    });
    table.classList.add("table--labelled");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.table"), label);
}());
