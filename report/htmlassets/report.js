// citelint HTML report: filters and keyboard navigation. It runs under a
// Content-Security-Policy that allows this script by its hash only, so
// nothing from a draft can run; it loads nothing.
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  root.classList.add('js');
  var refs = Array.prototype.slice.call(doc.querySelectorAll('a.fref'));
  var status = doc.getElementById('navstatus');
  var hidden = { rule: {}, sev: {} };
  var current = -1;

  function shown(el) {
    return !hidden.rule[el.getAttribute('data-rule')] && !hidden.sev[el.getAttribute('data-sev')];
  }

  function applyFilters() {
    doc.querySelectorAll('input[data-filter]').forEach(function (box) {
      hidden[box.getAttribute('data-filter')][box.value] = !box.checked;
    });
    doc.querySelectorAll('[data-rule]').forEach(function (el) {
      el.classList.toggle('filtered', !shown(el));
    });
  }

  function select(i, visible) {
    var prev = doc.querySelectorAll('.current');
    prev.forEach(function (el) { el.classList.remove('current'); });
    var ref = visible[i];
    current = refs.indexOf(ref);
    var note = doc.getElementById(ref.getAttribute('href').slice(1));
    if (note) { note.classList.add('current'); }
    ref.focus();
    ref.scrollIntoView({ block: 'center' });
    if (status) {
      var msg = note ? note.querySelector('.msg') : null;
      status.textContent = 'Finding ' + (i + 1) + ' of ' + visible.length + (msg ? ': ' + msg.textContent : '');
    }
  }

  function go(step) {
    var visible = refs.filter(shown);
    if (!visible.length) {
      if (status) { status.textContent = 'No finding is shown.'; }
      return;
    }
    var i = visible.indexOf(refs[current]);
    if (i < 0) {
      i = step > 0 ? 0 : visible.length - 1;
    } else {
      i = (i + step + visible.length) % visible.length;
    }
    select(i, visible);
  }

  doc.querySelectorAll('input[data-filter]').forEach(function (box) {
    box.addEventListener('change', applyFilters);
  });
  var labels = doc.getElementById('show-labels');
  if (labels) {
    labels.addEventListener('change', function () { root.classList.toggle('labels', labels.checked); });
  }
  var next = doc.getElementById('next-finding');
  var prev = doc.getElementById('prev-finding');
  if (next) { next.addEventListener('click', function () { go(1); }); }
  if (prev) { prev.addEventListener('click', function () { go(-1); }); }
  doc.addEventListener('focusin', function (e) {
    var i = refs.indexOf(e.target);
    if (i >= 0) { current = i; }
  });
  doc.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || (t.tagName === 'INPUT' && t.type === 'text') || t.tagName === 'TEXTAREA')) { return; }
    if (e.key === 'j' || e.key === 'n') {
      go(1);
      e.preventDefault();
    } else if (e.key === 'k' || e.key === 'p') {
      go(-1);
      e.preventDefault();
    }
  });
  applyFilters();
  root.setAttribute('data-report-ready', String(refs.length));
}());
