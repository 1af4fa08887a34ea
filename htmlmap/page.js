// The map's script: it reads the answers the page carries, computed by the
// library when the page was written, and shows the one for the slider's day.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'];
  var DAY = 86400000;
  var start = Date.UTC(+data.start.slice(0, 4), +data.start.slice(5, 7) - 1, +data.start.slice(8, 10));

  var slider = document.getElementById('day');
  var dateOut = document.getElementById('date');
  var playButton = document.getElementById('play');
  var tip = document.getElementById('tip');
  var panel = document.getElementById('panel');
  var mapBox = document.getElementById('mapbox');

  function dateOf(d) {
    var t = new Date(start + d * DAY);
    return t.getUTCDate() + ' ' + MONTHS[t.getUTCMonth()] + ' ' + t.getUTCFullYear();
  }
  function isoOf(d) {
    return new Date(start + d * DAY).toISOString().slice(0, 10);
  }

  // segAt returns the segment of segs that holds day d.
  function segAt(segs, d) {
    var lo = 0, hi = segs.length - 1;
    while (lo < hi) {
      var m = (lo + hi + 1) >> 1;
      if (segs[m].from <= d) lo = m; else hi = m - 1;
    }
    return segs[lo];
  }

  var places = {};
  data.places.forEach(function (p) {
    var g = document.querySelector('.place[data-id="' + CSS.escape(p.id) + '"]');
    places[p.id] = { p: p, g: g, mark: g.querySelector('.mark'), siege: g.querySelector('.siege'), seg: null };
  });

  var day = data.day, selected = null, hovered = null;

  function show(d) {
    day = Math.max(0, Math.min(data.days - 1, d));
    slider.value = day;
    dateOut.textContent = dateOf(day);
    Object.keys(places).forEach(function (id) {
      var v = places[id], s = segAt(v.p.segs, day);
      v.seg = s;
      if (v.mark.classList.contains('area')) v.mark.style.stroke = s.fill;
      else v.mark.style.fill = s.fill;
      v.g.setAttribute('data-state', s.state);
      v.g.setAttribute('data-holder', s.holder || '');
      if (s.ring) {
        v.siege.style.display = '';
        v.siege.style.stroke = s.ring;
        v.siege.classList.toggle('dash', !!s.ringDash);
      } else {
        v.siege.style.display = 'none';
      }
    });
    if (selected) renderPanel(selected);
    if (hovered) renderTip(hovered);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function partyName(id) { return data.parties[id] ? data.parties[id].name : id; }
  function kindLine(p) {
    var s = p.kind || 'place';
    if (p.within) s += ' in ' + p.within;
    return s;
  }
  function sourceLine(id) {
    var s = data.sources[id] || {};
    var line = s.outlet || s.author || id;
    if (s.title) line += ': \u201c' + s.title + '\u201d';
    if (s.published) line += ' (' + s.published + ')';
    return line;
  }

  function renderTip(v) {
    tip.textContent = '';
    tip.appendChild(el('div', 'name', v.p.name));
    tip.appendChild(el('div', 'kind', kindLine(v.p)));
    tip.appendChild(el('p', null, dateOf(day) + ': ' + v.seg.text + '.'));
    var src = v.seg.sources || [];
    if (src.length) {
      tip.appendChild(el('div', 'kind', src.length === 1 ? 'Source:' : 'Sources:'));
      var ul = el('ul');
      src.forEach(function (id) { ul.appendChild(el('li', null, sourceLine(id))); });
      tip.appendChild(ul);
    }
    tip.hidden = false;
    var box = mapBox.getBoundingClientRect(), m = v.mark.getBoundingClientRect();
    var x = m.right - box.left + 10, y = m.top - box.top;
    if (x + tip.offsetWidth > box.width) x = m.left - box.left - tip.offsetWidth - 10;
    if (y + tip.offsetHeight > box.height) y = box.height - tip.offsetHeight;
    tip.style.left = Math.max(0, x) + 'px';
    tip.style.top = Math.max(0, y) + 'px';
  }

  function renderPanel(v) {
    var p = v.p;
    panel.textContent = '';
    var close = el('button', null, '\u00d7');
    close.id = 'close';
    close.title = 'Close';
    close.addEventListener('click', function () { select(null); });
    panel.appendChild(close);
    panel.appendChild(el('h2', null, p.name));
    panel.appendChild(el('div', 'kind', kindLine(p)));
    panel.appendChild(el('p', 'now', dateOf(day) + ': ' + v.seg.text + '.'));
    if (!p.history.length) {
      panel.appendChild(el('p', 'hint', 'No source names a holder of the place itself.'));
      return;
    }
    panel.appendChild(el('h2', null, 'Who held it'));
    var ol = el('ol');
    p.history.forEach(function (h) {
      var li = el('li');
      var color = data.parties[h.holder] ? data.parties[h.holder].color : '#999';
      var head = el('div');
      var sw = el('span', 'sw');
      sw.style.background = color;
      sw.style.verticalAlign = '-2px';
      sw.style.marginRight = '6px';
      head.appendChild(sw);
      head.appendChild(el('span', 'who', partyName(h.holder)));
      var now = null;
      h.spans.forEach(function (s) { if (s.from <= day && day < s.to) now = s.certainty; });
      if (now) {
        li.className = 'in';
        head.appendChild(el('span', 'badge', now === 'definite' ? 'holds it' : 'possibly holds it'));
      }
      li.appendChild(head);
      li.appendChild(el('div', 'when', (h.from || 'before the record') + ' \u2013 ' + (h.to || 'no end claimed')));
      var bar = el('div', 'bar');
      bar.title = 'Over the days of the record: solid where the hold is sure, hatched where it is only possible';
      h.spans.forEach(function (s) {
        var d = el('div', s.certainty);
        d.style.left = (100 * s.from / data.days) + '%';
        d.style.width = (100 * (s.to - s.from) / data.days) + '%';
        d.style.backgroundColor = color;
        bar.appendChild(d);
      });
      var cur = el('div', 'cursor');
      cur.style.left = (100 * (day + 0.5) / data.days) + '%';
      bar.appendChild(cur);
      li.appendChild(bar);
      var src = el('div', 'src', 'Sources: ' + h.sources.map(function (id) {
        var s = data.sources[id] || {};
        return (s.outlet || s.author || id) + (s.published ? ' (' + s.published + ')' : '');
      }).join('; '));
      src.title = h.sources.map(sourceLine).join('\n');
      li.appendChild(src);
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }

  function select(v) {
    if (selected) selected.g.classList.remove('sel');
    selected = v;
    if (v) {
      v.g.classList.add('sel');
      renderPanel(v);
    } else {
      panel.textContent = '';
      panel.appendChild(el('p', 'hint', 'Hover over a place for what the sources say of it on the day shown; click it for its holders over time.'));
    }
  }

  function placeOf(target) {
    var t = target.closest ? target.closest('[data-id]') : null;
    return t ? places[t.getAttribute('data-id')] : null;
  }
  var map = document.getElementById('map');
  map.addEventListener('mouseover', function (ev) {
    var v = placeOf(ev.target);
    if (v && v !== hovered) { hovered = v; renderTip(v); }
  });
  map.addEventListener('mouseout', function (ev) {
    var to = ev.relatedTarget ? placeOf(ev.relatedTarget) : null;
    if (hovered && to !== hovered) { hovered = null; tip.hidden = true; }
  });
  map.addEventListener('click', function (ev) {
    var v = placeOf(ev.target);
    if (v) select(v);
  });
  map.addEventListener('keydown', function (ev) {
    var v = placeOf(ev.target);
    if (v && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); select(v); }
  });
  map.addEventListener('focusin', function (ev) {
    var v = placeOf(ev.target);
    if (v) { hovered = v; renderTip(v); }
  });
  map.addEventListener('focusout', function () { hovered = null; tip.hidden = true; });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') select(null);
  });

  function setHash() {
    try { history.replaceState(null, '', '#' + isoOf(day)); } catch (e) { /* a page opened from a file may refuse */ }
  }
  slider.addEventListener('input', function () { show(+slider.value); });
  slider.addEventListener('change', setHash);

  var timer = null;
  function stop() {
    clearInterval(timer);
    timer = null;
    playButton.classList.remove('on');
    playButton.innerHTML = '&#9654;';
    setHash();
  }
  playButton.addEventListener('click', function () {
    if (timer) { stop(); return; }
    if (day >= data.days - 1) show(0);
    playButton.classList.add('on');
    playButton.innerHTML = '&#10074;&#10074;';
    var step = Math.max(1, Math.round(data.days / 600));
    timer = setInterval(function () {
      show(day + step);
      if (day >= data.days - 1) stop();
    }, 40);
  });

  var m = /^#(\d{4}-\d{2}-\d{2})$/.exec(location.hash);
  if (m) {
    var d = Math.round((Date.parse(m[1] + 'T00:00:00Z') - start) / DAY);
    if (d >= 0 && d < data.days) day = d;
  }
  show(day);
}());
