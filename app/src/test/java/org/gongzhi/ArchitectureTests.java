package org.gongzhi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gongzhi");

    @Test
    void the_domain_knows_nothing_of_the_web() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void controllers_are_not_public() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .andShould()
                .resideInAPackage("..web..")
                .check(classes);
    }

    @Test
    void no_grab_bag_class_names() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .check(classes);
    }

    @Test
    void the_shared_kernel_depends_on_no_module() {
        noClasses()
                .that()
                .resideInAPackage("org.gongzhi.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.gongzhi.platform..",
                        "org.gongzhi.territory..",
                        "org.gongzhi.organization..",
                        "org.gongzhi.demo..")
                .check(classes);
    }
}
