// The appeal map: the area's 街道, 街区 and 社区 outlines from the platform's own GeoJSON (no internet tiles), each
// appeal with a point as a marker coloured by its traffic light, the others counted on their 社区; the table under the
// map says the same in words.
(function () {
    'use strict';
    var el = document.getElementById('map');
    if (!el || !window.L) {
        return;
    }
    var colours = {GREEN: '#2e7d32', YELLOW: '#f9a825', RED: '#c62828', NONE: '#607d8b'};
    var outlines = {
        SUBDISTRICT: {color: '#b3261e', weight: 3, fillOpacity: 0.02},
        BLOCK: {color: '#7b1fa2', weight: 2, dashArray: '6 4', fillOpacity: 0.02},
        COMMUNITY: {color: '#0b5cad', weight: 1.5, fillOpacity: 0.05}
    };
    var map = L.map(el, {attributionControl: false, zoomSnap: 0.25});

    function text(s) {
        var d = document.createElement('div');
        d.textContent = s == null ? '' : String(s);
        return d.innerHTML;
    }

    function label(template, n) {
        return template.replace('{0}', n);
    }

    Promise.all([
        fetch(el.dataset.source, {headers: {Accept: 'application/geo+json'}}).then(function (r) { return r.json(); }),
        // No markers address when the filters could not be read (the page says why beside them).
        el.dataset.markers
            ? fetch(el.dataset.markers, {headers: {Accept: 'application/json'}}).then(function (r) { return r.json(); })
            : Promise.resolve([])
    ]).then(function (both) {
        var units = {};
        var layer = L.geoJSON(both[0], {
            filter: function (f) { return !!outlines[f.properties.kind]; },
            style: function (f) { return outlines[f.properties.kind]; },
            onEachFeature: function (f, l) {
                units[f.properties.code] = {layer: l, name: f.properties.name, kind: f.properties.kind};
                l.bindTooltip(text(f.properties.name), {sticky: true});
            }
        }).addTo(map);
        if (layer.getBounds().isValid()) {
            map.fitBounds(layer.getBounds(), {padding: [10, 10]});
        }
        var counts = {};
        var elsewhere = 0;
        both[1].forEach(function (a) {
            var light = a.light || 'NONE';
            if (a.latitude != null && a.longitude != null) {
                L.circleMarker([a.latitude, a.longitude], {radius: 6, color: '#fff', weight: 1,
                    fillColor: colours[light], fillOpacity: 0.9})
                    .bindPopup('<a href="' + el.dataset.appealLink + encodeURIComponent(a.id) + '">'
                        + text(a.trackingCode) + '</a><br>' + text(a.categoryName || ''))
                    .addTo(map);
            }
            var unit = units[a.unitCode];
            if (!unit) {
                elsewhere++;
                return;
            }
            var c = counts[a.unitCode] || (counts[a.unitCode] = {all: 0, RED: 0, YELLOW: 0});
            c.all++;
            if (light === 'RED' || light === 'YELLOW') {
                c[light]++;
            }
        });
        var rows = document.querySelector('#map-counts tbody');
        var heads = Array.prototype.map.call(document.querySelectorAll('#map-counts thead th'),
            function (th) { return th.textContent; });
        Object.keys(counts).sort(function (x, y) { return counts[y].all - counts[x].all; }).forEach(function (code) {
            var c = counts[code];
            var unit = units[code];
            var badge = L.divIcon({className: 'count-badge' + (c.RED ? ' has-red' : ''),
                html: '<span>' + c.all + '</span>', iconSize: [28, 28]});
            L.marker(unit.layer.getBounds().getCenter(), {icon: badge, keyboard: false})
                .bindTooltip(text(unit.name) + ' · ' + text(label(el.dataset.labelCount, c.all)))
                .addTo(map);
            var tr = document.createElement('tr');
            [text(unit.name), c.all, c.RED, c.YELLOW].forEach(function (value, i) {
                var td = document.createElement('td');
                // On a phone each cell is a line, named by its column.
                td.setAttribute('data-label', heads[i]);
                td.innerHTML = String(value);
                tr.appendChild(td);
            });
            rows.appendChild(tr);
        });
        if (elsewhere > 0) {
            var note = document.createElement('p');
            note.className = 'hint';
            note.textContent = label(el.dataset.labelElsewhere, elsewhere);
            el.parentNode.insertBefore(note, el.nextSibling);
        }
        el.dataset.ready = 'true';
    });
}());
