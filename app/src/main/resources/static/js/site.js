// The phone menu: a real button, so it opens from the keyboard and tells screen readers whether it is open.
(function () {
    'use strict';
    var button = document.querySelector('header.top .nav-button');
    if (!button) { return; }
    button.addEventListener('click', function () {
        var open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        document.querySelector('header.top').classList.toggle('nav-open', open);
    });
})();

// "Back" on error pages: the previous page when there is one (the link's own address otherwise).
(function () {
    'use strict';
    document.querySelectorAll('a[data-back]').forEach(function (a) {
        a.addEventListener('click', function (e) {
            if (window.history.length > 1) {
                e.preventDefault();
                window.history.back();
            }
        });
    });
})();

// A step that cannot be undone from the page asks first (forms with data-confirm); without script it just submits.
(function () {
    'use strict';
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
        form.addEventListener('submit', function (e) {
            if (!window.confirm(form.dataset.confirm)) {
                e.preventDefault();
            }
        });
    });
})();
