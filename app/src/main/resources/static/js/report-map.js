// The portal's place picker: "use my location", or a tap on the chosen 街道's map (drawn from the platform's own
// GeoJSON, no internet tiles). The point goes into the form's latitude and longitude; the page says which community
// it falls in, asking the server.
(function () {
    'use strict';
    var el = document.getElementById('report-map');
    var form = el && el.closest('form');
    if (!el || !form || !window.L) {
        return;
    }
    var lat = form.querySelector('input[name=latitude]');
    var lng = form.querySelector('input[name=longitude]');
    var said = document.getElementById('located');
    var area = document.getElementById('map-area');
    var map = L.map(el, {attributionControl: false, zoomSnap: 0.25});
    var layer = null;
    var marker = null;

    function place(la, ln) {
        lat.value = la.toFixed(6);
        lng.value = ln.toFixed(6);
        if (marker) { map.removeLayer(marker); }
        marker = L.circleMarker([la, ln], {radius: 8, color: '#b3261e', fillOpacity: 0.8}).addTo(map);
        fetch('/api/v1/territory/locate?lat=' + la + '&lng=' + ln, {headers: {Accept: 'application/json'}})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (at) {
                var name = at && (at.community || at.subdistrict);
                said.textContent = name ? (el.dataset.inPrefix || '') + name.name : (el.dataset.outside || '');
            })
            .catch(function () { said.textContent = ''; });
    }

    function draw(code) {
        fetch(el.dataset.sourceTemplate + encodeURIComponent(code) + '.geojson', {headers: {Accept: 'application/geo+json'}})
            .then(function (r) { return r.json(); })
            .then(function (collection) {
                if (layer) { map.removeLayer(layer); }
                layer = L.geoJSON(collection, {
                    filter: function (f) { return ['SUBDISTRICT', 'COMMUNITY'].indexOf(f.properties.kind) >= 0; },
                    style: function (f) {
                        return f.properties.kind === 'SUBDISTRICT'
                            ? {color: '#b3261e', weight: 2, fillOpacity: 0.02}
                            : {color: '#0b5cad', weight: 1, fillOpacity: 0.05};
                    }
                }).addTo(map);
                map.fitBounds(layer.getBounds());
                el.dataset.drawn = code;
            });
    }

    map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng); });
    area.addEventListener('change', function () { draw(area.value); });
    document.getElementById('here').addEventListener('click', function () {
        if (!navigator.geolocation) { return; }
        navigator.geolocation.getCurrentPosition(function (p) {
            place(p.coords.latitude, p.coords.longitude);
            map.setView([p.coords.latitude, p.coords.longitude], 16);
        });
    });
    draw(area.value);
    if (lat.value && lng.value) { place(parseFloat(lat.value), parseFloat(lng.value)); }
}());
