// digest-kg explorer: draws the charts and graphs the pages describe in data attributes, with Apache ECharts.
// Every page reads without this script; the data is in the page (data-series, escaped JSON in an attribute) or
// fetched from this server (data-network). Each drawn figure gets data-drawn="N" (N = points or nodes drawn).
(function () {
  'use strict';
  if (typeof echarts === 'undefined') { return; }

  function json(el, name) {
    try { return JSON.parse(el.getAttribute(name)); } catch (e) { return null; }
  }

  // Draws and, once ECharts has rendered, marks the figure with how much it drew (the listener goes first: with
  // animation off, rendering may finish before setOption returns).
  function draw(el, chart, option, count, replace) {
    chart.off('finished');
    chart.on('finished', function () { el.setAttribute('data-drawn', String(count)); });
    chart.setOption(option, replace === true);
    if (!el.hasAttribute('data-resizes')) {
      el.setAttribute('data-resizes', '');
      window.addEventListener('resize', function () { chart.resize(); });
    }
  }

  function bars(el) {
    var data = json(el, 'data-series');
    if (!data || !data.labels) { return; }
    var chart = echarts.init(el);
    draw(el, chart, {
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: data.labels.length > 30 ? [{ type: 'slider', height: 18, bottom: 4 }] : [],
      series: [{ type: 'bar', data: data.values, name: 'papers', itemStyle: { color: '#1f5fa8' } }]
    }, data.values.length);
  }

  // series on a day axis: stacked bars (papers per category) or lines (searches over time)
  function series(el, kind) {
    var data = json(el, 'data-series');
    if (!data || !data.axis) { return; }
    var chart = echarts.init(el);
    var points = 0;
    var all = data.series.map(function (s) {
      points += s.values.length;
      return kind === 'stacked'
        ? { name: s.name, type: 'bar', stack: 'papers', data: s.values, emphasis: { focus: 'series' } }
        : { name: s.name, type: 'line', data: s.values, showSymbol: data.axis.length <= 60 };
    });
    draw(el, chart, {
      animation: false,
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      tooltip: kind === 'stacked' ? { trigger: 'axis', axisPointer: { type: 'shadow' } } : { trigger: 'axis' },
      xAxis: { type: 'category', data: data.axis },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: [{ type: 'slider', height: 18, bottom: 8 }, { type: 'inside' }],
      series: all
    }, points);
  }

  function network(el, depth) {
    var url = el.getAttribute('data-network') + '?depth=' + depth;
    fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (g) {
      var chart = echarts.getInstanceByDom(el) || echarts.init(el);
      var max = 1;
      g.nodes.forEach(function (n) { max = Math.max(max, n.papers); });
      var nodes = g.nodes.map(function (n, i) {
        return {
          name: n.name, value: n.papers, path: n.path, category: n.distance,
          symbolSize: (n.distance === 0 ? 14 : 8) + 22 * Math.sqrt(n.papers / max),
          label: { show: n.distance === 0 || g.nodes.length <= 40 }
        };
      });
      var links = g.links.map(function (l) {
        return { source: l.source, target: l.target, value: l.papers,
                 lineStyle: { width: Math.min(8, 0.6 + l.papers) } };
      });
      draw(el, chart, {
        animation: false,
        tooltip: { formatter: function (p) {
          return p.dataType === 'edge' ? p.value + ' joint paper(s)' : echarts.format.encodeHTML(p.name) + ': ' + p.value + ' paper(s)';
        } },
        legend: [{ data: ['author', 'co-author', 'co-author of a co-author'], bottom: 0 }],
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true,
          categories: [{ name: 'author' }, { name: 'co-author' }, { name: 'co-author of a co-author' }],
          force: { repulsion: 600, edgeLength: [90, 220], gravity: 0.06, layoutAnimation: false },
          lineStyle: { color: 'source', opacity: 0.45 },
          emphasis: { focus: 'adjacency' },
          data: nodes, links: links
        }]
      }, nodes.length, true);
      chart.off('click');
      chart.on('click', function (p) {
        if (p.dataType === 'node' && p.data.path) { window.location.href = p.data.path; }
      });
      el.setAttribute('data-depth', String(g.depth));
      var button = document.querySelector('button.depth');
      if (button) {
        button.hidden = false;
        button.textContent = g.depth === 1 ? 'Show co-authors of co-authors' : 'Show co-authors only';
        button.onclick = function () { network(el, g.depth === 1 ? 2 : 1); };
      }
      var note = el.parentNode.querySelector('.truncated');
      if (g.truncated && !note) {
        note = document.createElement('p');
        note.className = 'note truncated';
        el.parentNode.appendChild(note);
      }
      if (note) {
        note.textContent = g.truncated ? 'Showing the ' + g.nodes.length + ' closest of ' + (g.people + 1) + ' people.' : '';
      }
    }).catch(function () { el.setAttribute('data-drawn', 'failed'); });
  }

  function chain(el) {
    var data = json(el, 'data-chain');
    if (!data || !data.people) { return; }
    var chart = echarts.init(el);
    var n = data.people.length;
    draw(el, chart, {
      animation: false,
      series: [{
        type: 'graph', layout: 'none', symbolSize: 18, label: { show: true, position: 'bottom' },
        data: data.people.map(function (p, i) { return { name: p.name, x: i * 100, y: 0, path: p.path }; }),
        links: data.people.slice(1).map(function (p, i) { return { source: i, target: i + 1 }; }),
        lineStyle: { width: 3 }
      }]
    }, n);
    chart.on('click', function (p) { if (p.dataType === 'node' && p.data.path) { window.location.href = p.data.path; } });
  }

  document.querySelectorAll('[data-chart="bars"]').forEach(bars);
  document.querySelectorAll('[data-chart="stacked"]').forEach(function (el) { series(el, 'stacked'); });
  document.querySelectorAll('[data-chart="lines"]').forEach(function (el) { series(el, 'lines'); });
  document.querySelectorAll('[data-network]').forEach(function (el) { network(el, 1); });
  document.querySelectorAll('[data-chain]').forEach(chain);
}());
