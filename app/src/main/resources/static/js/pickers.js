// Pickers: a text box with type-ahead (a combobox with a listbox, driven by the keyboard or a tap) and, for units, a
// tree to browse. The chosen code or id goes into the hidden input next to the text; typing again clears it, so what
// is posted is always something the person picked, never a guess from the text.
(function () {
    'use strict';
    var timers = new WeakMap();

    function pickerOf(el) { return el.closest('.picker'); }

    function sourceUrl(picker, text) {
        var q = encodeURIComponent(text);
        // A page can narrow the choices to what its form accepts (a council offers only units it could seat).
        var narrowed = picker.closest('[data-picker-source]');
        if (narrowed) {
            var base = narrowed.dataset.pickerSource;
            var url = base + (base.indexOf('?') < 0 ? '?' : '&') + 'q=' + q;
            // Other fields of the same form the choices depend on ("to=unitCode": the unit picked above).
            var form = picker.closest('form');
            (narrowed.dataset.pickerParams || '').split(',').forEach(function (pair) {
                var parts = pair.split('=');
                var name = parts.length === 2 ? '[name="' + parts[1] + '"]' : null;
                // A radio group gives its checked choice; any other field its value.
                var field = name && form
                    ? form.querySelector(name + ':checked')
                        || form.querySelector(name + ':not([type=radio]):not([type=checkbox])')
                    : null;
                if (field && field.value) {
                    url += '&' + encodeURIComponent(parts[0]) + '=' + encodeURIComponent(field.value);
                }
            });
            return url;
        }
        if (picker.dataset.source === 'organisations') {
            return '/api/v1/organizations?size=10&q=' + q;
        }
        if (picker.dataset.source === 'categories') {
            return '/api/v1/appeal-categories?limit=12&q=' + q;
        }
        var url = '/api/v1/territory/units/search?inScope=true&limit=12&q=' + q;
        (picker.dataset.kinds || '').split(',').forEach(function (k) {
            if (k) { url += '&kind=' + encodeURIComponent(k); }
        });
        return url;
    }

    function choices(picker, body) {
        if (picker.dataset.source === 'organisations') {
            return (body.items || []).map(function (o) {
                return {value: o.id, name: o.name, detail: o.unitName || ''};
            });
        }
        if (picker.dataset.source === 'categories') {
            return body.map(function (c) {
                return {value: c.code, name: c.name, detail: c.code + ' · ' + c.majorName};
            });
        }
        return body.map(function (u) {
            return {value: u.code, name: u.name, detail: u.parentName || ''};
        });
    }

    function close(picker) {
        var list = picker.querySelector('.picker-options');
        list.hidden = true;
        picker.querySelector('.picker-text').setAttribute('aria-expanded', 'false');
        picker.querySelector('.picker-text').removeAttribute('aria-activedescendant');
    }

    function choose(picker, value, name) {
        picker.querySelector('.picker-value').value = value;
        var text = picker.querySelector('.picker-text');
        text.value = name;
        close(picker);
        picker.classList.add('picked');
        var tree = picker.querySelector('.picker-tree');
        if (tree) { tree.open = false; }
        picker.dispatchEvent(new CustomEvent('picked', {bubbles: true, detail: {value: value, name: name}}));
        text.focus();
    }

    function render(picker, items) {
        var list = picker.querySelector('.picker-options');
        var text = picker.querySelector('.picker-text');
        list.innerHTML = '';
        items.forEach(function (item, i) {
            var li = document.createElement('li');
            li.id = list.id + '-' + i;
            li.setAttribute('role', 'option');
            li.dataset.value = item.value;
            li.dataset.name = item.name;
            var strong = document.createElement('span');
            strong.textContent = item.name;
            li.appendChild(strong);
            if (item.detail) {
                var small = document.createElement('small');
                small.textContent = ' · ' + item.detail;
                li.appendChild(small);
            }
            list.appendChild(li);
        });
        if (!items.length) {
            var none = document.createElement('li');
            none.className = 'empty';
            none.textContent = document.documentElement.lang === 'en' ? 'Nothing matches' : '没有匹配的结果';
            list.appendChild(none);
        }
        list.hidden = false;
        text.setAttribute('aria-expanded', 'true');
    }

    function move(picker, step) {
        var options = Array.prototype.slice.call(picker.querySelectorAll('.picker-options [role=option]'));
        if (!options.length) { return; }
        var current = options.findIndex(function (o) { return o.getAttribute('aria-selected') === 'true'; });
        options.forEach(function (o) { o.setAttribute('aria-selected', 'false'); });
        var next = options[(current + step + options.length) % options.length];
        next.setAttribute('aria-selected', 'true');
        picker.querySelector('.picker-text').setAttribute('aria-activedescendant', next.id);
        next.scrollIntoView({block: 'nearest'});
    }

    document.addEventListener('input', function (e) {
        if (!e.target.classList.contains('picker-text')) { return; }
        var picker = pickerOf(e.target);
        picker.querySelector('.picker-value').value = '';
        picker.classList.remove('picked');
        clearTimeout(timers.get(picker));
        var text = e.target.value.trim();
        if (!text) { close(picker); return; }
        timers.set(picker, setTimeout(function () {
            fetch(sourceUrl(picker, text), {headers: {Accept: 'application/json'}})
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (body) {
                    if (picker.querySelector('.picker-text').value.trim() === text) {
                        render(picker, choices(picker, body));
                    }
                });
        }, 150));
    });

    document.addEventListener('keydown', function (e) {
        if (!e.target.classList.contains('picker-text')) { return; }
        var picker = pickerOf(e.target);
        var list = picker.querySelector('.picker-options');
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!list.hidden) { move(picker, e.key === 'ArrowDown' ? 1 : -1); }
        } else if (e.key === 'Enter' && !list.hidden) {
            var selected = list.querySelector('[aria-selected=true]') || list.querySelector('[role=option]');
            if (selected) {
                e.preventDefault();
                choose(picker, selected.dataset.value, selected.dataset.name);
            }
        } else if (e.key === 'Escape') {
            close(picker);
        }
    });

    document.addEventListener('click', function (e) {
        var option = e.target.closest('.picker-options [role=option]');
        if (option) {
            choose(pickerOf(option), option.dataset.value, option.dataset.name);
            return;
        }
        var pick = e.target.closest('.picker-tree button.pick');
        if (pick) {
            choose(pickerOf(pick), pick.dataset.code, pick.dataset.name);
            return;
        }
        document.querySelectorAll('.picker-options:not([hidden])').forEach(function (list) {
            if (!pickerOf(list).contains(e.target)) { close(pickerOf(list)); }
        });
    });
})();
