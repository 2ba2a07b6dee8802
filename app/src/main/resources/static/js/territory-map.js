// The territory map: boundaries drawn from the platform's own GeoJSON on a blank base (no internet tiles), and a
// click that asks the server which units and zones contain the point.
(function () {
    'use strict';
    var el = document.getElementById('map');
    if (!el || !window.L) {
        return;
    }
    var styles = {
        DISTRICT: {color: '#555', weight: 3, fill: false},
        SUBDISTRICT: {color: '#b3261e', weight: 3, fillOpacity: 0.02},
        BLOCK: {color: '#7b1fa2', weight: 2, dashArray: '6 4', fillOpacity: 0.03},
        COMMUNITY: {color: '#0b5cad', weight: 1.5, fillOpacity: 0.06},
        GRID: {color: '#6c8ebf', weight: 0.6, fillOpacity: 0.02},
        COMPOUND: {color: '#2e7d32', weight: 1, fillOpacity: 0.15},
        BUILDING: {color: '#444', weight: 0.8, fillOpacity: 0.4},
        CAMPUS: {color: '#ef6c00', weight: 1.5, fillOpacity: 0.15},
        INDUSTRIAL_PARK: {color: '#00897b', weight: 1.5, fillOpacity: 0.15},
        MILITARY: {color: '#5d4037', weight: 1.5, fillOpacity: 0.15},
        COMMERCIAL: {color: '#c2185b', weight: 1.5, fillOpacity: 0.15},
        MAIN_STREET: {color: '#d32f2f', weight: 4},
        ALLEY: {color: '#f57c00', weight: 3, dashArray: '2 4'}
    };
    var map = L.map(el, {attributionControl: false, zoomSnap: 0.25});
    var byCode = {};
    var highlighted = null;
    var marker = null;

    function escapeText(s) {
        var d = document.createElement('div');
        d.textContent = s == null ? '' : String(s);
        return d.innerHTML;
    }

    fetch(el.dataset.source, {headers: {Accept: 'application/geo+json'}})
        .then(function (r) { return r.json(); })
        .then(function (collection) {
            var layer = L.geoJSON(collection, {
                style: function (f) { return styles[f.properties.kind] || {color: '#333', weight: 1}; },
                onEachFeature: function (f, l) {
                    byCode[f.properties.code] = l;
                    // The units right below the one drawn carry their names on the map; the rest on hover.
                    if (f.properties.parentCode === el.dataset.root) {
                        l.bindTooltip(escapeText(f.properties.name),
                            {permanent: true, direction: 'center', className: 'unit-label'});
                    } else {
                        l.bindTooltip(escapeText(f.properties.name), {sticky: true});
                    }
                }
            }).addTo(map);
            if (layer.getBounds().isValid()) {
                map.fitBounds(layer.getBounds(), {padding: [10, 10]});
            }
            // A street's or zone's own page opens on that feature.
            if (el.dataset.focus) {
                focus(el.dataset.focus, false);
            }
            el.dataset.ready = 'true';
        });

    function focus(code, bringOnScreen) {
        var l = byCode[code];
        if (!l) {
            return;
        }
        if (highlighted && highlighted.setStyle) {
            highlighted.setStyle({weight: highlighted.defaultWeight});
        }
        highlighted = l;
        if (l.setStyle) {
            l.defaultWeight = l.options.weight;
            l.setStyle({weight: (l.options.weight || 1) + 3});
        }
        map.fitBounds(l.getBounds(), {padding: [20, 20], maxZoom: 18});
        // On a phone the map sits above the list: bring it back on screen.
        var box = el.getBoundingClientRect();
        if (bringOnScreen && (box.top < 0 || box.bottom > window.innerHeight)) {
            el.scrollIntoView({behavior: 'smooth', block: 'start'});
        }
    }

    // The list of units folds under the map on a phone.
    var fold = document.querySelector('.tree-fold');
    if (fold && window.matchMedia('(max-width: 899px)').matches) {
        fold.open = false;
    }

    document.addEventListener('click', function (e) {
        var t = e.target.closest('[data-code]');
        if (t && t.tagName === 'BUTTON') {
            e.preventDefault();
            focus(t.dataset.code, true);
        }
    });

    var levels = ['district', 'subdistrict', 'block', 'community', 'grid', 'compound', 'building'];
    map.on('click', function (e) {
        var lat = e.latlng.lat.toFixed(6), lng = e.latlng.lng.toFixed(6);
        if (marker) {
            marker.setLatLng(e.latlng);
        } else {
            marker = L.circleMarker(e.latlng, {radius: 6, color: '#000'}).addTo(map);
        }
        var out = document.getElementById('locate-result');
        fetch(el.dataset.locate + '?lat=' + lat + '&lng=' + lng, {headers: {Accept: 'application/json'}})
            .then(function (r) {
                return r.json().then(function (body) { return {ok: r.ok, body: body}; });
            })
            .then(function (res) {
                if (!res.ok) {
                    out.innerHTML = '<p>' + escapeText(res.body.detail || el.dataset.labelOutside) + '</p>';
                    return;
                }
                var html = '<dl class="facts">';
                levels.forEach(function (level) {
                    var ref = res.body[level];
                    if (ref) {
                        html += '<dt>' + escapeText(el.dataset['label' + level.charAt(0).toUpperCase() + level.slice(1)])
                            + '</dt><dd><a href="' + el.dataset.unitLink + encodeURIComponent(ref.code) + '">'
                            + escapeText(ref.name) + '</a> <code>' + escapeText(ref.code) + '</code></dd>';
                    }
                });
                if (res.body.zones && res.body.zones.length) {
                    html += '<dt>' + escapeText(el.dataset.labelZones) + '</dt><dd>'
                        + res.body.zones.map(function (z) { return escapeText(z.name); }).join('、') + '</dd>';
                }
                out.innerHTML = html + '</dl><p class="hint">' + lat + ', ' + lng + '</p>';
            });
    });
})();
