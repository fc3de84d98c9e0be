// Filters the rows of an rsaudit report. Reads only the page's own data-* attributes; sends nothing anywhere.
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.row'));
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');

  function values(row, key) {
    var v = row.getAttribute('data-' + key) || '';
    return v.split(' ').filter(function (x) { return x.length > 0; });
  }

  selects.forEach(function (select) {
    if (select.getAttribute('data-fill') === 'rows') {
      var seen = {};
      rows.forEach(function (row) {
        values(row, select.getAttribute('data-filter')).forEach(function (v) { seen[v] = true; });
      });
      Object.keys(seen).sort().forEach(function (v) {
        var option = document.createElement('option');
        option.value = v;
        option.textContent = v;
        select.appendChild(option);
      });
    }
    select.addEventListener('change', apply);
  });
  if (search) {
    search.addEventListener('input', apply);
  }

  function apply() {
    var query = search ? search.value.toLowerCase() : '';
    var count = 0;
    rows.forEach(function (row) {
      var ok = selects.every(function (select) {
        return !select.value || values(row, select.getAttribute('data-filter')).indexOf(select.value) >= 0;
      });
      if (ok && query) {
        ok = row.textContent.toLowerCase().indexOf(query) >= 0;
      }
      row.hidden = !ok;
      var details = row.nextElementSibling;
      if (details && details.classList.contains('more')) {
        details.hidden = !ok;
      }
      if (ok) {
        count++;
      }
    });
    if (shown) {
      shown.textContent = String(count);
    }
  }

  apply();
})();
