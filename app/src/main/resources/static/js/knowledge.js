// Choosing a knowledge-base article or a suggested original fills the text below it, to be edited before it is sent;
// without script the server takes the chosen article's answer when the text is left empty.
(function () {
    'use strict';
    document.querySelectorAll('fieldset.suggestions input[name="article"]').forEach(function (radio) {
        radio.addEventListener('change', function () {
            var form = radio.closest('form');
            var text = form.querySelector('textarea[name="answer"], textarea[name="route"]');
            if (text && radio.checked) {
                text.value = radio.dataset.text;
            }
        });
    });
})();
