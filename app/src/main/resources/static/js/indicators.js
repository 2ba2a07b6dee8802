// The indicator dashboard's charts (ECharts, drawn in the browser from the figures the page carries in
// #indicator-charts): the three rates and the composite per unit, their twelve months' trend, the open work orders by
// traffic light per unit, and each summoned department's 报到及时率. The tables under the charts say the same in words.
(function () {
    'use strict';
    var source = document.getElementById('indicator-charts');
    if (!source || !window.echarts) {
        return;
    }
    var data = JSON.parse(source.textContent);
    var rates = ['responseRate', 'resolutionRate', 'satisfactionRate', 'composite'];
    var palette = ['#0b5cad', '#2e7d32', '#f9a825', '#b3261e'];
    var narrow = window.matchMedia('(max-width: 40rem)').matches;
    var charts = [];

    function draw(id, option) {
        var el = document.getElementById(id);
        if (!el) {
            return;
        }
        var chart = echarts.init(el, null, {renderer: 'canvas'});
        option.animation = false;
        option.color = option.color || palette;
        option.textStyle = {fontFamily: 'inherit'};
        chart.setOption(option);
        el.dataset.drawn = 'true';
        charts.push(chart);
    }

    function percentAxis() {
        return {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}};
    }

    var legend = {top: 0, type: 'scroll'};
    var grid = {left: 48, right: 16, top: 40, bottom: narrow ? 96 : 72, containLabel: false};
    var slanted = {interval: 0, rotate: narrow ? 60 : 30, width: 120, overflow: 'truncate'};

    draw('chart-per-unit', {
        tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; }},
        legend: legend,
        grid: grid,
        xAxis: {type: 'category', data: data.units, axisLabel: slanted},
        yAxis: percentAxis(),
        series: rates.map(function (r) {
            return {name: data.names[r], type: 'bar', data: data.perUnit[r]};
        })
    });

    draw('chart-trend', {
        tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; }},
        legend: legend,
        grid: {left: 48, right: 16, top: 40, bottom: 32},
        xAxis: {type: 'category', data: data.months},
        yAxis: percentAxis(),
        series: rates.map(function (r) {
            return {name: data.names[r], type: 'line', connectNulls: false, data: data.trend[r]};
        })
    });

    draw('chart-lights', {
        tooltip: {trigger: 'axis'},
        legend: legend,
        color: ['#2e7d32', '#f9a825', '#c62828'],
        grid: grid,
        xAxis: {type: 'category', data: data.lightUnits, axisLabel: slanted},
        yAxis: {type: 'value', minInterval: 1},
        series: ['GREEN', 'YELLOW', 'RED'].map(function (k) {
            return {name: data.lightNames[k], type: 'bar', stack: 'lights', data: data.lights[k]};
        })
    });

    draw('chart-whistles', {
        tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; }},
        grid: grid,
        xAxis: {type: 'category', data: data.whistleUnits, axisLabel: slanted},
        yAxis: percentAxis(),
        series: [{name: data.whistleName, type: 'bar', data: data.whistleRates, color: '#7b1fa2'}]
    });

    window.addEventListener('resize', function () {
        charts.forEach(function (c) { c.resize(); });
    });
}());
