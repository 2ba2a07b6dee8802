// Forms with rows (a responsibility list's parties and duties): "add" copies the last row empty, and the duties'
// owner lists follow the parties' names as they are typed.
(function () {
    'use strict';

    function partyNames(form) {
        return Array.prototype.map.call(form.querySelectorAll('.row.party .party-name'), function (input, i) {
            var name = input.value.trim();
            return name || (document.documentElement.lang === 'en' ? 'Party ' + (i + 1) : '第' + (i + 1) + '方');
        });
    }

    function refreshOwners(form) {
        var names = partyNames(form);
        form.querySelectorAll('select.owner').forEach(function (select) {
            var chosen = select.value;
            var first = select.options[0];
            select.innerHTML = '';
            select.appendChild(first);
            names.forEach(function (name, i) {
                var option = document.createElement('option');
                option.value = 'p' + (i + 1);
                option.textContent = name;
                option.selected = option.value === chosen;
                select.appendChild(option);
            });
        });
    }

    function addRow(fieldset) {
        var list = fieldset.querySelector('.row-list');
        var rows = list.querySelectorAll('.row');
        var last = rows[rows.length - 1];
        var copy = last.cloneNode(true);
        var index = rows.length;
        copy.querySelectorAll('input, textarea').forEach(function (el) { el.value = ''; });
        copy.querySelectorAll('select').forEach(function (el) { el.selectedIndex = 0; });
        copy.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
        copy.querySelectorAll('.invalid').forEach(function (el) { el.classList.remove('invalid'); });
        copy.querySelectorAll('.picker-options').forEach(function (el) { el.innerHTML = ''; el.hidden = true; });
        // Ids (and the labels and ARIA references that use them) must stay unique.
        copy.querySelectorAll('[id]').forEach(function (el) {
            var old = el.id;
            var renamed = old.replace(/-\d+-/, '-' + index + '-');
            el.id = renamed;
            copy.querySelectorAll('[for="' + old + '"]').forEach(function (l) { l.htmlFor = renamed; });
            ['aria-controls', 'aria-describedby'].forEach(function (a) {
                copy.querySelectorAll('[' + a + ']').forEach(function (r) {
                    r.setAttribute(a, r.getAttribute(a).split(' ').map(function (t) {
                        return t === old ? renamed : t;
                    }).join(' '));
                });
            });
        });
        list.appendChild(copy);
        var focus = copy.querySelector('input:not([type=hidden]), textarea');
        if (focus) { focus.focus(); }
        var form = fieldset.closest('form');
        refreshOwners(form);
    }

    document.addEventListener('click', function (e) {
        var add = e.target.closest('fieldset.rows .add-row');
        if (add) { addRow(add.closest('fieldset.rows')); }
    });
    document.addEventListener('input', function (e) {
        if (e.target.classList.contains('party-name')) { refreshOwners(e.target.closest('form')); }
    });
})();
