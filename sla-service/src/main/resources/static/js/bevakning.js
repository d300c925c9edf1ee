/*
 * The watch page, live: opens the Server-Sent Events stream of the manager's units and moves each changed clock's
 * row to the list its state belongs in (amber "Riskerar att försenas", red "Försenade"), or out of both, without a
 * reload. Everything written into the page is set as text, never as markup. Without this script the page still
 * shows the truth on every load.
 */
(function () {
  'use strict';

  var status = document.getElementById('live-status');
  if (!status || !window.EventSource) {
    return;
  }
  var announcer = document.getElementById('live-announcer');
  var LISTS = { BREACHED: 'forsenade', AT_RISK: 'risk' };
  var opened = false;

  function say(text) {
    status.textContent = text;
  }

  function findRow(rowId) {
    var rows = document.querySelectorAll('tr[data-row]');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute('data-row') === rowId) {
        return rows[i];
      }
    }
    return null;
  }

  function cell(text) {
    var td = document.createElement('td');
    td.textContent = text;
    return td;
  }

  function buildRow(change) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-row', change.rowId);
    tr.setAttribute('data-due', String(change.dueAtMs));
    tr.setAttribute('data-at', String(change.atMs));
    tr.setAttribute('data-state', change.state);
    var caseCell = document.createElement('td');
    var link = document.createElement('a');
    link.href = change.caseUrl;
    link.appendChild(document.createTextNode('Ärende '));
    var short = document.createElement('span');
    short.textContent = change.caseShort;
    link.appendChild(short);
    caseCell.appendChild(link);
    tr.appendChild(caseCell);
    tr.appendChild(cell(change.guaranteeText));
    tr.appendChild(cell(change.unitName));
    var due = cell(change.dueText);
    due.className = 'nowrap';
    tr.appendChild(due);
    var stateCell = document.createElement('td');
    var state = document.createElement('span');
    state.className = 'state ' + change.stateClass;
    state.textContent = change.stateText;
    stateCell.appendChild(state);
    tr.appendChild(stateCell);
    tr.className = 'changed';
    return tr;
  }

  function refreshList(list) {
    var body = document.querySelector('#' + list + ' tbody');
    var count = body.querySelectorAll('tr').length;
    document.getElementById(list + '-antal').textContent = String(count);
    document.getElementById(list + '-tomt').hidden = count > 0;
    document.getElementById(list + '-region').hidden = count === 0;
  }

  function insertSorted(list, row) {
    var body = document.querySelector('#' + list + ' tbody');
    var due = Number(row.getAttribute('data-due'));
    var rows = body.querySelectorAll('tr');
    for (var i = 0; i < rows.length; i++) {
      if (Number(rows[i].getAttribute('data-due')) > due) {
        body.insertBefore(row, rows[i]);
        return;
      }
    }
    body.appendChild(row);
  }

  function apply(change) {
    var existing = findRow(change.rowId);
    if (existing) {
      // an older change (a republished event) never undoes a newer one, nor a warning a breach
      if (Number(existing.getAttribute('data-at')) > change.atMs) {
        return;
      }
      if (existing.getAttribute('data-state') === 'BREACHED' && change.state === 'AT_RISK') {
        return;
      }
    }
    var state = change.state || (existing && existing.getAttribute('data-state'));
    if (!change.state && existing) {
      // rescheduled: same state, new due time
      change.state = state;
      change.stateText = existing.querySelector('.state').textContent;
      change.stateClass = existing.querySelector('.state').className.replace('state ', '');
    }
    var from = existing ? existing.closest('table').id : null;
    if (existing) {
      existing.parentNode.removeChild(existing);
    }
    var to = LISTS[state];
    if (to) {
      insertSorted(to, buildRow(change));
    }
    if (from) {
      refreshList(from);
    }
    if (to) {
      refreshList(to);
    }
    if (to || from) {
      announcer.textContent = 'Ärende ' + change.caseShort + ': ' + (change.stateText || '');
    }
  }

  var source = new EventSource(status.getAttribute('data-stream'));
  source.addEventListener('open', function () {
    if (opened) {
      // back after a break: changes in between were missed, so the page is brought up to date
      say('Förbindelsen är tillbaka. Ladda om sidan för att se ändringar under avbrottet.');
    } else {
      say('Sidan uppdateras direkt när ett ärendes läge ändras.');
    }
    opened = true;
  });
  source.addEventListener('error', function () {
    say('Förbindelsen bröts. Försöker ansluta igen …');
  });
  source.addEventListener('bevakning', function (event) {
    try {
      apply(JSON.parse(event.data));
    } catch (e) {
      // a change the page cannot show is left for the next reload
    }
  });
})();
