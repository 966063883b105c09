// SitRep duty-officer page: situation grid, live alert feed (SSE), latest briefings, drill-down to reports.
// Every text that comes from data is set with textContent, never as HTML.
(function () {
  'use strict';

  var PROVINCE = '610000';
  var ZONE = 'Asia/Shanghai';
  var CATEGORIES = [
    ['POLITICAL_SECURITY', '政治安全'],
    ['PUBLIC_ORDER', '社会治安'],
    ['SOCIAL_CONFLICT', '社会矛盾'],
    ['PUBLIC_SAFETY', '公共安全'],
    ['CYBER_SECURITY', '网络安全']
  ];
  var CATEGORY_LABEL = {};
  CATEGORIES.forEach(function (c) { CATEGORY_LABEL[c[0]] = c[1]; });
  var PERIODS = { '24h': [24 * 3600e3, '最近 24 小时'], '7d': [7 * 24 * 3600e3, '最近 7 天'], '30d': [30 * 24 * 3600e3, '最近 30 天'] };
  var SEVERITY_LABEL = { I: '特别重大', II: '重大', III: '较大', IV: '一般' };
  var STATUS_LABEL = { RAISED: '新发', UPDATED: '更新', ACKNOWLEDGED: '已签收', RESOLVED: '已解除', EXPIRED: '已过期' };
  var KIND_LABEL = { SPIKE: '突增', SUSTAINED_RISE: '持续上升', SEVERE_REPORT: '重大事件' };
  var BRIEFING_KIND = { DAILY: '每日简报', WEEKLY: '每周简报', ON_DEMAND: '即时简报' };
  var ACTIVE = { RAISED: true, UPDATED: true, ACKNOWLEDGED: true };

  var state = { scope: PROVINCE, period: '24h', from: null, to: null, cities: null, selected: null, alerts: {} };

  var timeFormat = new Intl.DateTimeFormat('zh-CN', {
    timeZone: ZONE, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false
  });
  var clockFormat = new Intl.DateTimeFormat('zh-CN', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false
  });

  function $(id) { return document.getElementById(id); }

  /** An element with class, data attributes and text; children are appended as nodes. */
  function el(tag, opts) {
    var e = document.createElement(tag);
    opts = opts || {};
    if (opts.cls) { e.className = opts.cls; }
    if (opts.text !== undefined && opts.text !== null) { e.textContent = String(opts.text); }
    if (opts.data) { Object.keys(opts.data).forEach(function (k) { e.dataset[k] = opts.data[k]; }); }
    if (opts.attrs) { Object.keys(opts.attrs).forEach(function (k) { e.setAttribute(k, opts.attrs[k]); }); }
    (opts.children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function fmt(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d) ? '' : timeFormat.format(d);
  }

  function showError(message) {
    var b = $('error-banner');
    if (message) { b.textContent = message; b.hidden = false; } else { b.hidden = true; b.textContent = ''; }
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (p) {
          throw new Error((p.title || ('HTTP ' + r.status)) + (p.detail ? '：' + p.detail : ''));
        });
      }
      return r.json();
    });
  }

  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== null && params[k] !== undefined && params[k] !== ''; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
  }

  // ---- situation grid ----

  function computePeriod() {
    var to = new Date();
    var from = new Date(to.getTime() - PERIODS[state.period][0]);
    state.to = to.toISOString();
    state.from = from.toISOString();
  }

  function heatLevel(count, max) {
    if (!count) { return 0; }
    if (max <= 5) { return Math.min(5, count); }
    return Math.max(1, Math.min(5, Math.ceil(5 * count / max)));
  }

  function changeNode(delta) {
    if (delta === undefined || delta === null) { return null; }
    if (delta > 0) { return el('span', { cls: 'change up', text: '↑' + delta, data: { change: String(delta) } }); }
    if (delta < 0) { return el('span', { cls: 'change down', text: '↓' + (-delta), data: { change: String(delta) } }); }
    return el('span', { cls: 'change same', text: '—', data: { change: '0' } });
  }

  function cellNode(regionCode, regionName, category, count, delta, previous, max, isTotal) {
    var td = el('td', {
      cls: 'cell heat-' + heatLevel(count, max) + (isTotal ? ' total' : ''),
      data: { region: regionCode, category: category, count: String(count) },
      children: [el('span', { cls: 'count', text: count }), changeNode(delta)]
    });
    td.title = (regionName || '') + ' · ' + (CATEGORY_LABEL[category] || '合计') + '：本期 ' + count + '，上期 ' + (previous || 0);
    if (!isTotal) {
      td.tabIndex = 0;
      td.addEventListener('click', function () { drillDown(td, regionCode, regionName, category); });
      td.addEventListener('keydown', function (e) { if (e.key === 'Enter') { drillDown(td, regionCode, regionName, category); } });
    }
    return td;
  }

  function renderHead() {
    var head = $('situation-head');
    clear(head);
    head.appendChild(el('th', { text: '地区', attrs: { scope: 'col' }, cls: 'region' }));
    CATEGORIES.forEach(function (c) { head.appendChild(el('th', { text: c[1], attrs: { scope: 'col' }, data: { category: c[0] } })); });
    head.appendChild(el('th', { text: '合计', attrs: { scope: 'col' } }));
  }

  function renderSituation(s) {
    var body = $('situation-body');
    var foot = $('situation-foot');
    clear(body);
    clear(foot);
    $('situation-grid').dataset.scope = state.scope;
    $('situation-grid').dataset.from = s.from;
    $('situation-grid').dataset.to = s.to;
    var max = 0;
    s.regions.forEach(function (r) { CATEGORIES.forEach(function (c) { max = Math.max(max, r.counts[c[0]] || 0); }); });
    s.regions.forEach(function (r) {
      var nameCell = el('th', { cls: 'region', attrs: { scope: 'row' }, data: { region: r.regionCode } });
      if (state.scope === PROVINCE && isCity(r.regionCode)) {
        var b = el('button', { text: r.name, attrs: { type: 'button', title: '查看' + r.name + '各区县' } });
        b.addEventListener('click', function () { setScope(r.regionCode); });
        nameCell.appendChild(b);
      } else {
        nameCell.textContent = r.name;
      }
      var tr = el('tr', { data: { region: r.regionCode }, children: [nameCell] });
      CATEGORIES.forEach(function (c) {
        tr.appendChild(cellNode(r.regionCode, r.name, c[0], r.counts[c[0]] || 0, (r.change || {})[c[0]],
          (r.previous || {})[c[0]], max, false));
      });
      tr.appendChild(cellNode(r.regionCode, r.name, 'ALL', r.total || 0, (r.change || {}).ALL, (r.previous || {}).ALL, Infinity, true));
      body.appendChild(tr);
    });
    var totalsRow = el('tr', { cls: 'totals', data: { region: state.scope },
      children: [el('th', { cls: 'region', text: '合计', attrs: { scope: 'row' } })] });
    var scopeName = scopeLabel();
    CATEGORIES.forEach(function (c) {
      totalsRow.appendChild(cellNode(state.scope, scopeName, c[0], s.totals[c[0]] || 0, (s.change || {})[c[0]],
        (s.previousTotals || {})[c[0]], Infinity, false));
    });
    totalsRow.appendChild(cellNode(state.scope, scopeName, 'ALL', s.totals.ALL || 0, (s.change || {}).ALL,
      (s.previousTotals || {}).ALL, Infinity, true));
    foot.appendChild(totalsRow);
    $('situation-period').textContent = scopeName + ' · ' + PERIODS[state.period][1] + '（' + fmt(s.from) + ' 至 ' + fmt(s.to) + '）';
  }

  function isCity(code) { return /^\d{4}00$/.test(code) && code !== PROVINCE; }

  function scopeLabel() {
    var select = $('scope-select');
    var option = select.options[select.selectedIndex];
    return option ? option.textContent.replace(/（.*）/, '') : state.scope;
  }

  function loadSituation() {
    computePeriod();
    var url = '/api/v1/situation?' + query({ regionCode: state.scope, from: state.from, to: state.to });
    return getJson(url).then(function (s) {
      if (state.scope === PROVINCE && !state.cities) { fillCities(s.regions); }
      renderSituation(s);
      showError(null);
      if (state.selected) { refreshDrillDown(); }
    }).catch(function (e) { showError('态势图加载失败：' + e.message); });
  }

  function fillCities(regions) {
    state.cities = regions.filter(function (r) { return isCity(r.regionCode); });
    var select = $('scope-select');
    state.cities.forEach(function (r) {
      select.appendChild(el('option', { text: r.name + '（各区县）', attrs: { value: r.regionCode } }));
    });
  }

  function setScope(code) {
    state.scope = code;
    $('scope-select').value = code;
    closeDrillDown();
    loadSituation();
  }

  // ---- drill-down ----

  function drillDown(td, regionCode, regionName, category) {
    var prev = document.querySelector('#situation-grid td.selected');
    if (prev) { prev.classList.remove('selected'); }
    td.classList.add('selected');
    state.selected = { regionCode: regionCode, regionName: regionName, category: category, from: state.from, to: state.to };
    refreshDrillDown();
    $('drilldown').scrollIntoView({ block: 'nearest' });
  }

  function refreshDrillDown() {
    var sel = state.selected;
    var panel = $('drilldown');
    panel.hidden = false;
    panel.dataset.region = sel.regionCode;
    panel.dataset.category = sel.category;
    $('drilldown-title').textContent = sel.regionName + ' · ' + (CATEGORY_LABEL[sel.category] || '') + ' · ' + PERIODS[state.period][1];
    var list = $('drilldown-list');
    var url = '/api/v1/situation/reports?' + query({ regionCode: sel.regionCode, category: sel.category,
      from: state.from, to: state.to, size: 100 });
    getJson(url).then(function (page) {
      clear(list);
      $('drilldown-summary').textContent = '共 ' + page.total + ' 条报告' + (page.total > page.items.length ? '，显示最新 ' + page.items.length + ' 条' : '');
      page.items.forEach(function (r) {
        list.appendChild(el('li', {
          cls: 'report-item', data: { reportId: r.id, severity: r.severity || '' },
          children: [
            el('div', { cls: 'report-title', text: r.title || '（无标题）' }),
            el('div', { cls: 'report-meta', children: [
              el('span', { cls: 'sev sev-' + r.severity, text: r.severity ? r.severity + ' 级 ' + (SEVERITY_LABEL[r.severity] || '') : '' }),
              el('span', { cls: 'report-unit', text: '报送单位：' + r.unitId }),
              el('span', { cls: 'report-region', text: r.regionName || r.regionCode }),
              el('time', { cls: 'report-time', text: fmt(r.occurredAt), attrs: { datetime: r.occurredAt } })
            ] })
          ]
        }));
      });
      if (!page.items.length) { list.appendChild(el('li', { cls: 'muted empty', text: '该时段没有报告' })); }
    }).catch(function (e) { showError('报告列表加载失败：' + e.message); });
  }

  function closeDrillDown() {
    state.selected = null;
    $('drilldown').hidden = true;
    var prev = document.querySelector('#situation-grid td.selected');
    if (prev) { prev.classList.remove('selected'); }
  }

  // ---- alerts ----

  function alertNode(a, fresh) {
    var active = !!ACTIVE[a.status];
    return el('li', {
      cls: 'alert-item level-' + a.severity + (active ? '' : ' inactive') + (fresh ? ' fresh' : ''),
      data: { alertId: a.alertId, status: a.status, severity: a.severity, region: a.regionCode, category: a.category, version: String(a.version) },
      children: [
        el('div', { cls: 'alert-top', children: [
          el('span', { cls: 'sev sev-' + a.severity, text: a.severity + ' 级' }),
          el('span', { cls: 'alert-kind', text: KIND_LABEL[a.kind] || a.kind }),
          el('span', { cls: 'alert-status', text: STATUS_LABEL[a.status] || a.status })
        ] }),
        el('div', { cls: 'alert-headline', text: a.headline }),
        el('div', { cls: 'alert-meta', children: [
          el('span', { cls: 'alert-region', text: a.regionName || a.regionCode }),
          el('span', { cls: 'alert-category', text: CATEGORY_LABEL[a.category] || a.category }),
          el('time', { cls: 'alert-time', text: fmt(a.raisedAt), attrs: { datetime: a.raisedAt } })
        ] }),
        a.status === 'ACKNOWLEDGED' && a.acknowledgedBy
          ? el('div', { cls: 'alert-ack', text: a.acknowledgedBy + ' 于 ' + fmt(a.acknowledgedAt) + ' 签收' })
          : null,
        a.status === 'RAISED' || a.status === 'UPDATED'
          ? el('button', { cls: 'ack-button', text: '签收', attrs: { type: 'button' }, data: { alertId: a.alertId } })
          : null
      ]
    });
  }

  // ---- acknowledgement: passed on to risk-analysis-service; the acknowledged alert returns on the stream ----

  var OFFICER_KEY = 'sitrep.officer';

  function acknowledge(button) {
    var name = $('officer-name').value.trim();
    if (!name) {
      showError('签收前请填写值班员姓名');
      $('officer-name').focus();
      return;
    }
    try { window.localStorage.setItem(OFFICER_KEY, name); } catch (ignored) { /* private mode */ }
    button.disabled = true;
    button.textContent = '签收中…';
    fetch('/api/v1/alerts/' + encodeURIComponent(button.dataset.alertId) + '/acknowledgement', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ by: name })
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          throw new Error((body.title || ('HTTP ' + r.status)) + (body.detail ? '：' + body.detail : ''));
        }
        showError(null);
        button.textContent = '已签收，等待更新…'; // the acknowledged alert replaces this item when it arrives on the stream
      });
    }).catch(function (e) {
      button.disabled = false;
      button.textContent = '签收';
      showError('签收失败：' + e.message);
    });
  }

  function setUpAcknowledgements() {
    try { $('officer-name').value = window.localStorage.getItem(OFFICER_KEY) || ''; } catch (ignored) { /* private mode */ }
    $('alert-feed').addEventListener('click', function (e) {
      var button = e.target.closest && e.target.closest('.ack-button');
      if (button) { acknowledge(button); }
    });
  }

  function upsertAlert(a, fresh) {
    var known = state.alerts[a.alertId];
    if (known && known.version >= a.version) { return; }
    state.alerts[a.alertId] = a;
    var feed = $('alert-feed');
    var existing = feed.querySelector('li[data-alert-id="' + (window.CSS && CSS.escape ? CSS.escape(a.alertId) : a.alertId) + '"]');
    var node = alertNode(a, fresh);
    if (existing && !fresh) { feed.replaceChild(node, existing); } else {
      if (existing) { feed.removeChild(existing); }
      feed.insertBefore(node, feed.firstChild);
    }
    updateAlertCount();
  }

  function updateAlertCount() {
    var n = Object.keys(state.alerts).filter(function (k) { return ACTIVE[state.alerts[k].status]; }).length;
    $('alert-count').textContent = String(n);
    $('alert-empty').hidden = $('alert-feed').children.length > 0;
  }

  function loadAlerts() {
    return getJson('/api/v1/alerts?size=50').then(function (page) {
      // the list is newest first: insert oldest first so the newest ends on top
      page.items.slice().reverse().forEach(function (a) { upsertAlert(a, false); });
      updateAlertCount();
    }).catch(function (e) { showError('预警列表加载失败：' + e.message); });
  }

  var refreshTimer = null;
  function refreshSoon() {
    if (refreshTimer) { return; }
    refreshTimer = setTimeout(function () { refreshTimer = null; loadSituation(); }, 2000);
  }

  function connectStream() {
    if (!window.EventSource) { $('stream-status').textContent = '浏览器不支持实时推送'; return; }
    var source = new EventSource('/api/v1/alerts/stream');
    var status = $('stream-status');
    source.onopen = function () {
      status.dataset.state = 'open';
      status.textContent = '实时推送已连接';
      loadAlerts(); // anything raised while disconnected
    };
    source.onerror = function () {
      status.dataset.state = source.readyState === EventSource.CLOSED ? 'closed' : 'connecting';
      status.textContent = source.readyState === EventSource.CLOSED ? '实时推送已断开' : '实时推送重连中…';
    };
    Object.keys(STATUS_LABEL).forEach(function (name) {
      source.addEventListener(name, function (e) {
        var a;
        try { a = JSON.parse(e.data); } catch (ignored) { return; }
        upsertAlert(a, true);
        refreshSoon();
      });
    });
  }

  // ---- briefings ----

  function loadBriefings() {
    return getJson('/api/v1/briefings?size=8').then(function (page) {
      var list = $('briefing-list');
      clear(list);
      $('briefing-empty').hidden = page.items.length > 0;
      page.items.forEach(function (b) {
        var link = el('a', { text: (BRIEFING_KIND[b.kind] || b.kind) + ' · ' + fmt(b.from) + ' 至 ' + fmt(b.to),
          attrs: { href: '/api/v1/briefings/' + encodeURIComponent(b.id), target: '_blank', rel: 'noopener' } });
        list.appendChild(el('li', { cls: 'briefing-item', data: { briefingId: b.id }, children: [
          link,
          el('div', { cls: 'muted', text: '生成于 ' + fmt(b.generatedAt) + ' · 报告 ' + b.reportCount +
            (b.incidentCount !== null && b.incidentCount !== undefined ? ' · 事件 ' + b.incidentCount : '') })
        ] }));
      });
    }).catch(function (e) { showError('简报列表加载失败：' + e.message); });
  }

  /** An on-demand briefing of what the grid shows: the same scope and period. */
  function generateBriefing() {
    var button = $('generate-button');
    button.disabled = true;
    if (!state.from) { computePeriod(); } // else the period the grid shows
    fetch('/api/v1/briefings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ from: state.from, to: state.to, regionCode: state.scope })
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.status !== 201) {
          throw new Error((body.title || ('HTTP ' + r.status)) + (body.detail ? '：' + body.detail : ''));
        }
        showError(null);
        return loadBriefings().then(function () {
          var item = document.querySelector('#briefing-list li[data-briefing-id="' + body.id + '"]');
          if (item) { item.classList.add('fresh'); }
        });
      });
    }).catch(function (e) {
      showError('简报生成失败：' + e.message);
    }).then(function () { button.disabled = false; });
  }

  // ---- wiring ----

  function tick() { $('clock').textContent = '北京时间 ' + clockFormat.format(new Date()); }

  function init() {
    renderHead();
    tick();
    setInterval(tick, 30000);
    $('scope-select').addEventListener('change', function (e) { setScope(e.target.value); });
    $('period-select').addEventListener('change', function (e) { state.period = e.target.value; loadSituation(); });
    $('refresh-button').addEventListener('click', function () { loadSituation(); loadAlerts(); loadBriefings(); });
    $('drilldown-close').addEventListener('click', closeDrillDown);
    setUpAcknowledgements();
    $('generate-button').addEventListener('click', generateBriefing);
    loadSituation();
    loadAlerts();
    loadBriefings();
    connectStream();
    setInterval(loadSituation, 60000);
    setInterval(loadBriefings, 300000);
    document.body.dataset.ready = 'true';
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
