// 一刻钟社区服务圈: the 社区 of a 街道 coloured by their gaps, or by the share of their area that reaches one chosen
// service; that service's resources drawn with the circle they serve on foot. Boundaries come from the platform's own
// GeoJSON on a blank base (no internet tiles).
(function () {
    'use strict';
    var el = document.getElementById('circle-map');
    var data = document.getElementById('circle-data');
    if (!el || !data || !window.L) {
        return;
    }
    var circle = JSON.parse(data.textContent);
    var byId = {};
    circle.communities.forEach(function (c) { byId[c.code] = c; });
    var map = L.map(el, {attributionControl: false, zoomSnap: 0.25});
    var shapes = L.layerGroup().addTo(map);
    var marks = L.layerGroup().addTo(map);
    var choice = document.getElementById('circle-service');
    var features = [];

    function escapeText(s) {
        var d = document.createElement('div');
        d.textContent = s == null ? '' : String(s);
        return d.innerHTML;
    }

    function percentOf(c, service) {
        for (var i = 0; i < c.services.length; i++) {
            if (c.services[i].service === service) {
                return c.services[i].percent;
            }
        }
        return 0;
    }

    // Red where a 社区 lacks much, green where it lacks nothing.
    function colour(share) {
        var hue = Math.round(120 * Math.max(0, Math.min(1, share)));
        return 'hsl(' + hue + ', 65%, 45%)';
    }

    function draw() {
        var service = choice.value;
        shapes.clearLayers();
        marks.clearLayers();
        var label = choice.options[choice.selectedIndex].text;
        var all = L.geoJSON({type: 'FeatureCollection', features: features}, {
            style: function (f) {
                var c = byId[f.properties.code];
                var share = service ? percentOf(c, service) / 100 : 1 - c.gaps.length / c.services.length;
                return {color: '#0b5cad', weight: 1.5, fillColor: colour(share), fillOpacity: 0.45};
            },
            onEachFeature: function (f, l) {
                var c = byId[f.properties.code];
                var text = service
                    ? escapeText(c.name) + '：' + escapeText(label) + ' ' + percentOf(c, service) + '%'
                    : escapeText(c.name) + '：' + (c.gaps.length ? escapeText(el.dataset.gaps) + ' ' + c.gaps.length
                        : escapeText(el.dataset.none));
                l.bindTooltip(text, {sticky: true});
            }
        }).addTo(shapes);
        if (!el.dataset.ready && all.getBounds().isValid()) {
            map.fitBounds(all.getBounds(), {padding: [10, 10]});
        }
        circle.providers.forEach(function (p) {
            if (service && p.services.indexOf(service) < 0) {
                return;
            }
            if (service) {
                // The walk, as a straight-line radius (walking is taken as 1.25 times the straight line).
                L.circle([p.latitude, p.longitude], {radius: circle.walkingMetres / 1.25, color: '#2f6f4f',
                    weight: 1, fillOpacity: 0.08}).addTo(marks);
            }
            L.circleMarker([p.latitude, p.longitude], {radius: 5, color: '#2f6f4f', fillOpacity: 0.9})
                .bindTooltip(escapeText(p.name)).addTo(marks);
        });
    }

    fetch(el.dataset.source, {headers: {Accept: 'application/geo+json'}})
        .then(function (r) { return r.json(); })
        .then(function (collection) {
            features = collection.features.filter(function (f) {
                return f.properties.kind === 'COMMUNITY' && byId[f.properties.code];
            });
            draw();
            el.dataset.ready = 'true';
        });
    choice.addEventListener('change', draw);
}());
