// The operator form's look-ups while a caller is on the line: the caller's earlier appeals when the number is typed,
// and the places an address names when the operator presses Enter in it. Both are posted (a number or an address
// never goes into a URL) and come back as server-rendered fragments; picking a place fills the unit picker and the
// street, so what is registered is always something the operator confirmed.
(function () {
    'use strict';
    var form = document.querySelector('form.intake');
    if (!form) { return; }

    function lookup(path, field, section) {
        var body = new URLSearchParams();
        var token = form.querySelector('input[name="_csrf"]');
        if (token) { body.append('_csrf', token.value); }
        body.append(field.name, field.value);
        section.hidden = false;
        section.setAttribute('aria-busy', 'true');
        return fetch(path, {method: 'POST', body: body, credentials: 'same-origin'})
            .then(function (r) {
                // A refused text (400) comes back as a fragment that says why; anything else is a failed look-up.
                if (!r.ok && r.status !== 400) { throw new Error(String(r.status)); }
                return r.text();
            })
            .then(function (html) {
                var old = section.querySelector('div.result');
                if (old) { old.remove(); }
                var result = document.createElement('div');
                result.className = 'result';
                result.innerHTML = html;
                section.appendChild(result);
                return result;
            })
            .catch(function () {
                var old = section.querySelector('div.result');
                if (old) { old.remove(); }
                var p = document.createElement('div');
                p.className = 'result';
                p.textContent = section.dataset.failed;
                section.appendChild(p);
                return null;
            })
            .finally(function () { section.removeAttribute('aria-busy'); });
    }

    // The caller's earlier appeals, once the number looks complete.
    var phone = form.querySelector('input[name="reporterPhone"]');
    var callers = form.querySelector('.caller-history');
    var lastPhone = '';
    function callerLookup() {
        var digits = phone.value.replace(/\D/g, '');
        if (digits.length < 7 || digits === lastPhone) { return; }
        lastPhone = digits;
        lookup('/appeals/new/caller-history', phone, callers);
    }
    if (phone && callers) {
        phone.addEventListener('change', callerLookup);
        phone.addEventListener('blur', callerLookup);
    }

    // The places an address names: Enter looks them up (instead of sending the form), the first is focused.
    var address = form.querySelector('input[name="address"]');
    var places = form.querySelector('.address-candidates');
    var streetCode = form.querySelector('input[name="streetCode"]');
    var streetName = form.querySelector('input[name="streetName"]');
    var streetShown = form.querySelector('.picked-street');

    function showStreet(code, name) {
        streetCode.value = code || '';
        streetName.value = name || '';
        streetShown.querySelector('strong').textContent = name || '';
        streetShown.hidden = !code;
    }

    if (address && places) {
        address.addEventListener('keydown', function (e) {
            if (e.key !== 'Enter') { return; }
            e.preventDefault();
            if (!address.value.trim()) { return; }
            lookup('/appeals/new/address-candidates', address, places).then(function (result) {
                var first = result && result.querySelector('button.candidate');
                if (first) { first.focus(); }
            });
        });
        places.addEventListener('click', function (e) {
            var button = e.target.closest('button.candidate');
            if (!button) { return; }
            var picker = form.querySelector('.picker input[name="unitCode"]').closest('.picker');
            picker.querySelector('.picker-value').value = button.dataset.unitCode;
            picker.querySelector('.picker-text').value = button.dataset.unitName;
            picker.classList.add('picked');
            showStreet(button.dataset.streetCode, button.dataset.streetName);
            places.querySelectorAll('button.candidate').forEach(function (b) {
                b.setAttribute('aria-pressed', String(b === button));
            });
            picker.querySelector('.picker-text').focus();
        });
    }
    if (streetShown) {
        streetShown.querySelector('[data-clear-street]').addEventListener('click', function () {
            showStreet('', '');
        });
        // A unit typed or picked by hand is not the confirmed address any more: the street goes with it.
        var unitText = form.querySelector('.picker input[name="unitCode"]').closest('.picker')
            .querySelector('.picker-text');
        unitText.addEventListener('input', function () { showStreet('', ''); });
        unitText.closest('.picker').addEventListener('picked', function () { showStreet('', ''); });
    }
})();
