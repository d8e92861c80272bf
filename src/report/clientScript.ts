/**
 * The report's one script, plain ES2017 run by the browser from the page itself. It reads the
 * JSON data block (never HTML), draws the map on a canvas, hit-tests with a uniform grid so
 * 5,000 points stay instant, and filters talks by the search box. All text it inserts goes
 * through `textContent`, never `innerHTML`.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('talkatlas-data').textContent);
  var n = data.themes.length;
  var titles = new Array(n);
  var titleNodes = document.querySelectorAll('details.talk > summary .title');
  for (var s = 0; s < titleNodes.length; s++) titles[+titleNodes[s].parentNode.parentNode.getAttribute('data-talk')] = titleNodes[s].textContent;
  var canvas = document.getElementById('map');
  var ctx = canvas.getContext('2d');
  var tooltip = document.getElementById('tooltip');
  var search = document.getElementById('search');
  var groupFilter = document.getElementById('group-filter');
  var groupSections = document.querySelectorAll('section.group');
  var count = document.getElementById('count');
  var visible = new Uint8Array(n);
  for (var v = 0; v < n; v++) visible[v] = 1;
  var px = new Float64Array(n);
  var py = new Float64Array(n);
  var radius = n <= 200 ? 5 : n <= 1500 ? 3.5 : 2.5;
  var hitRadius = Math.max(radius + 3, 7);
  var cellSize = hitRadius * 2;
  var grid = [];
  var gridColumns = 0;
  var gridRows = 0;
  var selected = -1;
  var hovered = -1;
  var width = 0;
  var height = 0;
  var byTheme = [];
  for (var t = 0; t < data.colors.length; t++) byTheme.push([]);
  for (var i = 0; i < n; i++) byTheme[data.themes[i]].push(i);

  function layout() {
    var rect = canvas.getBoundingClientRect();
    width = rect.width;
    height = rect.height;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (var i = 0; i < n; i++) {
      var x = data.points[2 * i], y = data.points[2 * i + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    var pad = radius + 10;
    var spanX = Math.max(maxX - minX, 1e-9), spanY = Math.max(maxY - minY, 1e-9);
    // One scale for both axes: distances on the map mean the same in every direction.
    var scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
    if (!isFinite(scale) || scale <= 0) scale = 1;
    var offsetX = width / 2 - ((minX + maxX) / 2) * scale;
    var offsetY = height / 2 + ((minY + maxY) / 2) * scale;
    gridColumns = Math.max(1, Math.ceil(width / cellSize));
    gridRows = Math.max(1, Math.ceil(height / cellSize));
    grid = new Array(gridColumns * gridRows);
    for (var j = 0; j < n; j++) {
      px[j] = n ? offsetX + data.points[2 * j] * scale : 0;
      py[j] = offsetY - data.points[2 * j + 1] * scale;
      var cell = cellOf(px[j], py[j]);
      (grid[cell] || (grid[cell] = [])).push(j);
    }
    draw();
  }

  function cellOf(x, y) {
    var column = Math.min(gridColumns - 1, Math.max(0, Math.floor(x / cellSize)));
    var row = Math.min(gridRows - 1, Math.max(0, Math.floor(y / cellSize)));
    return row * gridColumns + column;
  }

  function draw() {
    ctx.clearRect(0, 0, width, height);
    var drawn = 0, shownPoints = 0;
    for (var pass = 0; pass < 2; pass++) {
      // Filtered-out talks first and faint, matching talks on top.
      ctx.globalAlpha = pass === 0 ? 0.12 : 0.85;
      for (var t = 0; t < byTheme.length; t++) {
        var members = byTheme[t];
        ctx.fillStyle = data.colors[t];
        ctx.beginPath();
        for (var m = 0; m < members.length; m++) {
          var i = members[m];
          if (visible[i] !== pass) continue;
          ctx.moveTo(px[i] + radius, py[i]);
          ctx.arc(px[i], py[i], radius, 0, 2 * Math.PI);
          drawn++;
          shownPoints += pass;
        }
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    ring(hovered, '#1f2328', 1.5);
    ring(selected, '#1f2328', 2.5);
    canvas.setAttribute('data-points', String(drawn));
    canvas.setAttribute('data-shown', String(shownPoints));
  }

  function ring(i, color, lineWidth) {
    if (i < 0) return;
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    ctx.arc(px[i], py[i], radius + 3, 0, 2 * Math.PI);
    ctx.stroke();
  }

  function hit(event) {
    var rect = canvas.getBoundingClientRect();
    var x = event.clientX - rect.left, y = event.clientY - rect.top;
    var column = Math.floor(x / cellSize), row = Math.floor(y / cellSize);
    var best = -1, bestDistance = hitRadius * hitRadius;
    for (var r = row - 1; r <= row + 1; r++) {
      if (r < 0 || r >= gridRows) continue;
      for (var c = column - 1; c <= column + 1; c++) {
        if (c < 0 || c >= gridColumns) continue;
        var bucket = grid[r * gridColumns + c];
        if (!bucket) continue;
        for (var b = 0; b < bucket.length; b++) {
          var i = bucket[b];
          if (!visible[i]) continue;
          var dx = px[i] - x, dy = py[i] - y, distance = dx * dx + dy * dy;
          if (distance < bestDistance || (distance === bestDistance && i < best)) { best = i; bestDistance = distance; }
        }
      }
    }
    return best;
  }

  function showTooltip(i, event) {
    if (i < 0) { tooltip.hidden = true; return; }
    tooltip.textContent = titles[i] + ' \\u2014 ' + data.labels[data.themes[i]];
    tooltip.hidden = false;
    var rect = canvas.getBoundingClientRect();
    var x = event.clientX - rect.left + 12, y = event.clientY - rect.top + 12;
    if (x + tooltip.offsetWidth > width) x = Math.max(0, x - tooltip.offsetWidth - 24);
    if (y + tooltip.offsetHeight > height) y = Math.max(0, y - tooltip.offsetHeight - 24);
    tooltip.style.left = x + 'px';
    tooltip.style.top = y + 'px';
  }

  function select(i, scroll) {
    var previous = document.querySelector('details.talk.selected');
    if (previous) previous.classList.remove('selected');
    selected = i;
    var card = i >= 0 ? document.getElementById('t-' + i) : null;
    if (card) {
      card.open = true;
      card.classList.add('selected');
      if (scroll) card.scrollIntoView({ block: 'center' });
    }
    draw();
  }

  function selectFromHash() {
    var match = /^#t-(\\d+)$/.exec(location.hash);
    if (match && +match[1] < n) select(+match[1], true);
  }

  canvas.addEventListener('mousemove', function (event) {
    var i = hit(event);
    if (i !== hovered) { hovered = i; draw(); }
    canvas.classList.toggle('pointer', i >= 0);
    showTooltip(i, event);
  });
  canvas.addEventListener('mouseleave', function () {
    hovered = -1;
    tooltip.hidden = true;
    draw();
  });
  canvas.addEventListener('click', function (event) {
    var i = hit(event);
    if (i < 0) return;
    if (location.hash === '#t-' + i) select(i, true);
    else location.hash = '#t-' + i;
  });
  window.addEventListener('hashchange', selectFromHash);
  document.addEventListener('toggle', function (event) {
    var card = event.target;
    if (card.classList && card.classList.contains('talk') && card.open) {
      var i = +card.getAttribute('data-talk');
      fillRelated(card, i);
      if (i !== selected) select(i, false);
    }
  }, true);

  // A card's related talks, built from the data block the first time it opens: links with
  // the related talk's title, its score and the shared terms, all as text.
  function fillRelated(card, i) {
    var list = card.querySelector('ol.related');
    if (!list || list.firstChild) return;
    var flat = data.related[i] || [];
    for (var r = 0; r < flat.length; r += 3 + flat[r + 2]) {
      var j = flat[r];
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#t-' + j;
      link.textContent = titles[j];
      var score = document.createElement('span');
      score.className = 'score';
      score.textContent = (flat[r + 1] / 100).toFixed(2);
      item.appendChild(link);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(score);
      if (flat[r + 2] > 0) {
        var shared = [];
        for (var t = 0; t < flat[r + 2]; t++) shared.push(data.terms[flat[r + 3 + t]]);
        var terms = document.createElement('span');
        terms.className = 'terms';
        terms.textContent = 'shared: ' + shared.join(', ');
        item.appendChild(document.createTextNode(' '));
        item.appendChild(terms);
      }
      list.appendChild(item);
    }
  }

  var cards = document.querySelectorAll('details.talk');
  var entries = document.querySelectorAll('li[data-talk]');
  var haystacks = null;
  function buildHaystacks() {
    haystacks = new Array(n);
    for (var c = 0; c < cards.length; c++) {
      var parts = cards[c].querySelectorAll('[data-search]');
      var text = '';
      for (var p = 0; p < parts.length; p++) text += ' ' + parts[p].textContent;
      haystacks[+cards[c].getAttribute('data-talk')] = text.toLowerCase();
    }
  }
  function applySearch() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    if (words.length && !haystacks) buildHaystacks();
    // The group filter: only the talks whose theme is in the chosen group.
    var group = groupFilter && groupFilter.value !== '' ? +groupFilter.value : -1;
    for (var s = 0; s < groupSections.length; s++) groupSections[s].hidden = group >= 0 && +groupSections[s].getAttribute('data-group') !== group;
    var shown = 0;
    for (var i = 0; i < n; i++) {
      var match = group < 0 || data.groups[data.themes[i]] === group ? 1 : 0;
      for (var w = 0; w < words.length && match; w++) if (haystacks[i].indexOf(words[w]) < 0) match = 0;
      visible[i] = match;
      shown += match;
    }
    for (var c = 0; c < cards.length; c++) cards[c].hidden = !visible[+cards[c].getAttribute('data-talk')];
    for (var e = 0; e < entries.length; e++) entries[e].hidden = !visible[+entries[e].getAttribute('data-talk')];
    count.textContent = words.length || group >= 0 ? shown + ' of ' + n + ' talks' : n + ' talks';
    draw();
  }
  if (groupFilter) groupFilter.addEventListener('change', applySearch);
  var pending = 0;
  search.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(applySearch, n > 1000 ? 120 : 0);
  });

  // For tests and scripts: how many points there are and where point i is on screen.
  window.talkatlasMap = {
    points: n,
    position: function (i) {
      var rect = canvas.getBoundingClientRect();
      return { x: rect.left + px[i], y: rect.top + py[i] };
    }
  };
  window.addEventListener('resize', layout);
  layout();
  selectFromHash();
})();
`
