// The dead-letter console's page: reads the API beside it and sends records again. Every call carries the
// session cookie; every POST also the page's anti-forgery value, which another site cannot read.
'use strict';

const BASE = '/quivo/dead-letters';
const CSRF = document.querySelector('meta[name="quivo-csrf"]').content;
const $ = (id) => document.getElementById(id);
let shown = [];
let current = null;

function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function say(text, isError) {
  $('status-line').textContent = text;
  $('status-line').className = isError ? 'error' : '';
}

async function call(path, options) {
  const answer = await fetch(BASE + path, Object.assign({ credentials: 'same-origin' }, options || {}));
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new Error(body.error || ('HTTP ' + answer.status));
  return body;
}

function filters() {
  const q = new URLSearchParams();
  for (const name of ['status', 'reason', 'source', 'operation', 'origin']) {
    const value = $('f-' + name).value.trim();
    if (value) q.set(name, value);
  }
  for (const name of ['from', 'to']) {
    const value = $('f-' + name).value;
    if (value) q.set(name, new Date(value).toISOString());
  }
  return q;
}

function countList(id, counts, filterId) {
  const list = $(id);
  list.replaceChildren();
  for (const [value, count] of Object.entries(counts)) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = value || '(none)';
    const b = document.createElement('b');
    b.textContent = count;
    button.appendChild(b);
    button.addEventListener('click', () => {
      $(filterId).value = value.endsWith('...') ? value.slice(0, -3) : value;
      load();
    });
    li.appendChild(button);
    list.appendChild(li);
  }
}

function sentAgainText(record) {
  if (!record.sentAgain) return record.replays ? record.replays + '×' : '';
  const last = record.sentAgain[0];
  return record.sentAgain.length + '× · last by ' + last.by + ': ' + last.outcome;
}

async function load() {
  try {
    const data = await call('/api/records?' + filters().toString());
    $('window-note').textContent = 'Topic ' + data.topic + ': the newest ' + data.window.toLocaleString()
      + ' records of each partition (' + data.inWindow.toLocaleString() + ' in view). Each order may be sent again '
      + data.maxReplays + ' times.';
    countList('count-status', data.counts.status, 'f-status');
    countList('count-reason', data.counts.reason, 'f-reason');
    $('matched').textContent = data.records.length < data.matched
      ? data.records.length + ' of ' + data.matched + ' matching shown' : data.matched + ' matching';
    shown = data.records;
    const body = $('records').tBodies[0];
    body.replaceChildren();
    for (const record of shown) {
      const tr = document.createElement('tr');
      tr.dataset.id = record.id;
      const pick = document.createElement('td');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.className = 'pick';
      box.value = record.id;
      box.disabled = !record.replayable;
      box.title = record.replayable ? 'select to send again' : record.notReplayable;
      box.addEventListener('click', (e) => e.stopPropagation());
      pick.appendChild(box);
      tr.appendChild(pick);
      cell(tr, record.time.replace('T', ' ').replace('Z', ''));
      cell(tr, record.status);
      cell(tr, record.reason, 'reason');
      cell(tr, record.source);
      cell(tr, record.operation);
      cell(tr, record.origin);
      cell(tr, record.attempts);
      cell(tr, record.key);
      const again = cell(tr, sentAgainText(record));
      if (!record.replayable) {
        again.textContent += (again.textContent ? ' · ' : '') + 'not replayable';
        again.className = 'limit';
        again.title = record.notReplayable;
      }
      tr.addEventListener('click', () => show(record.id));
      body.appendChild(tr);
    }
    $('select-all').checked = false;
    await loadReplays();
  } catch (e) {
    say('Could not read the dead letters: ' + e.message, true);
  }
}

async function loadReplays() {
  const data = await call('/api/replays');
  const body = $('replays').tBodies[0];
  body.replaceChildren();
  for (const replay of data.replays.slice(0, 200)) {
    const tr = document.createElement('tr');
    cell(tr, (replay.sentAt || replay.endedAt || '').replace('T', ' ').replace('Z', ''));
    cell(tr, replay.by);
    cell(tr, replay.of);
    cell(tr, replay.operation);
    cell(tr, replay.key);
    cell(tr, replay.edited ? 'yes' : 'no');
    cell(tr, replay.count);
    const outcome = (replay.outcome || 'sent') + (replay.status ? ' (' + replay.status + ')' : '')
      + (replay.detail ? ': ' + replay.detail : '');
    cell(tr, outcome, 'outcome-' + (replay.outcome || 'sent'));
    body.appendChild(tr);
  }
}

async function show(id) {
  try {
    const record = await call('/api/records/' + encodeURIComponent(id));
    current = record;
    $('detail').hidden = false;
    $('detail-id').textContent = record.id + ' · ' + (record.key || 'no key') + ' · ' + record.operation;
    $('detail-replay').textContent = record.replayable
      ? 'Sent again ' + record.replays + ' time(s) so far; it may be sent again.'
      : 'Not replayable: ' + record.notReplayable;
    $('detail-replay').className = record.replayable ? '' : 'limit';
    const headers = $('detail-headers').tBodies[0];
    headers.replaceChildren();
    for (const [name, value] of Object.entries(record.headers)) {
      const tr = document.createElement('tr');
      cell(tr, name);
      cell(tr, value);
      headers.appendChild(tr);
    }
    $('payload').value = record.json ? record.pretty : record.payload;
    $('resend-edited').disabled = !record.replayable;
    for (const tr of $('records').tBodies[0].rows) tr.classList.toggle('selected-row', tr.dataset.id === id);
    $('detail').scrollIntoView({ block: 'nearest' });
  } catch (e) {
    say('Could not read record ' + id + ': ' + e.message, true);
  }
}

function who() {
  const by = $('by').value.trim();
  if (!by) {
    say('Type your name first: the audit says who sent what again.', true);
    $('by').focus();
    return null;
  }
  localStorage.setItem('quivo-console-by', by);
  return by;
}

async function resend(records) {
  const by = who();
  if (!by) return;
  try {
    const answer = await call('/api/resend', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Quivo-Csrf': CSRF },
      body: JSON.stringify({ by, records })
    });
    const refused = answer.refused.map((r) => r.id + ': ' + r.reason).join('; ');
    say('Sent again: ' + answer.sent.length + (answer.refused.length ? ' · refused ' + refused : ''),
      answer.sent.length === 0);
    await load();
  } catch (e) {
    say('Not sent: ' + e.message, true);
  }
}

function init() {
  $('by').value = localStorage.getItem('quivo-console-by') || '';
  $('apply').addEventListener('click', load);
  $('clear').addEventListener('click', () => {
    for (const input of document.querySelectorAll('#filters input, #filters select')) input.value = '';
    load();
  });
  for (const input of document.querySelectorAll('#filters input')) {
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') load(); });
  }
  $('f-source').addEventListener('change', load);
  $('select-all').addEventListener('change', () => {
    for (const box of document.querySelectorAll('input.pick:not(:disabled)')) box.checked = $('select-all').checked;
  });
  $('resend-selected').addEventListener('click', () => {
    const ids = [...document.querySelectorAll('input.pick:checked')].map((box) => ({ id: box.value }));
    if (ids.length === 0) { say('Select records first.', true); return; }
    resend(ids);
  });
  $('resend-edited').addEventListener('click', () => {
    if (current) resend([{ id: current.id, payload: $('payload').value }]);
  });
  $('format').addEventListener('click', () => {
    try { $('payload').value = JSON.stringify(JSON.parse($('payload').value), null, 2); }
    catch (e) { say('Not JSON: ' + e.message, true); }
  });
  $('close-detail').addEventListener('click', () => { $('detail').hidden = true; current = null; });
  load();
}

init();
