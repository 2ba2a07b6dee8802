package org.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; after a refused try it shows the user name typed, once. */
@Controller
class SignInPage {

    static final String TYPED_USERNAME = SignInPage.class.getName() + ".username";

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            model.addAttribute("typedUsername", session.getAttribute(TYPED_USERNAME));
            session.removeAttribute(TYPED_USERNAME);
        }
        return "identity/login";
    }
}
