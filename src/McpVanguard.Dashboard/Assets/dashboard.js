// vanguard ui: live updates without a build chain. Server-sent events bring each new audit record; rows are built with
// textContent (record text comes from agents and servers, never parsed as HTML); page fragments rendered and encoded by
// the server are swapped in when records arrive. POSTs carry the CSRF token from the page's meta tag.
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  var tbody = document.querySelector('tbody[data-live]');
  var fragments = Array.prototype.slice.call(document.querySelectorAll('[data-live-fragment]'));
  var detail = document.getElementById('detail');
  var filters = document.getElementById('filters');
  var maxRows = 500;
  var refreshTimer = null;

  function filterValue(name) {
    if (!filters) { return ''; }
    var field = filters.elements[name];
    return field ? field.value.trim() : '';
  }

  function same(a, b) { return (a || '').toLowerCase() === (b || '').toLowerCase(); }

  function matches(r) {
    var verdict = filterValue('verdict'), server = filterValue('server'), rule = filterValue('rule'), tool = filterValue('tool'), session = filterValue('session');
    return (!verdict || same(r.verdict, verdict))
      && (!server || r.server === server)
      && (!rule || r.rules.some(function (id) { return same(id, rule); }))
      && (!tool || same(r.tool, tool))
      && (!session || r.session === session);
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text || '';
    row.appendChild(td);
    return td;
  }

  function addRow(r) {
    var row = document.createElement('tr');
    row.className = 'record v-' + r.verdict + ' fresh';
    row.dataset.seq = String(r.seq);
    cell(row, r.time);
    var badge = document.createElement('span');
    badge.className = 'verdict v-' + r.verdict;
    badge.textContent = r.verdict;
    cell(row, '').appendChild(badge);
    cell(row, r.server);
    cell(row, r.method);
    cell(row, r.tool);
    var rules = cell(row, '');
    r.rules.forEach(function (id) {
      var a = document.createElement('a');
      a.className = 'rule';
      a.href = '/rules#' + encodeURIComponent(id);
      a.textContent = id;
      rules.appendChild(a);
      rules.appendChild(document.createTextNode(' '));
    });
    cell(row, r.session).className = 'session';
    cell(row, r.inspect);
    tbody.insertBefore(row, tbody.firstChild);
    while (tbody.rows.length > maxRows) { tbody.deleteRow(tbody.rows.length - 1); }
    var empty = document.getElementById('empty');
    if (empty) { empty.remove(); }
  }

  function refreshFragments() {
    refreshTimer = null;
    fragments.forEach(function (container) {
      fetch(container.dataset.liveFragment, { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) { container.innerHTML = html; } })
        .catch(function () { /* the next record retries */ });
    });
  }

  if (window.EventSource) {
    var source = new EventSource('/events');
    source.onopen = function () { status.textContent = 'live'; status.className = 'status on'; };
    source.onerror = function () { status.textContent = 'reconnecting…'; status.className = 'status off'; };
    source.addEventListener('record', function (event) {
      var record = JSON.parse(event.data);
      if (tbody && matches(record)) { addRow(record); }
      if (fragments.length && refreshTimer === null) { refreshTimer = setTimeout(refreshFragments, 500); }
    });
  }

  if (tbody && detail) {
    tbody.addEventListener('click', function (event) {
      if (event.target.closest('a')) { return; }
      var row = event.target.closest('tr.record');
      if (!row) { return; }
      Array.prototype.forEach.call(tbody.querySelectorAll('tr.selected'), function (r) { r.classList.remove('selected'); });
      row.classList.add('selected');
      fetch('/records/' + encodeURIComponent(row.dataset.seq) + '?fragment=1', { credentials: 'same-origin' })
        .then(function (response) { return response.text(); })
        .then(function (html) { detail.innerHTML = html; });
    });
  }
})();
