package se.medborgardialog.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The services share nothing but the contracts module (and the working-days library, a plain calendar
 * with no domain in it): no service depends on another's classes, the contracts hold no Spring and no
 * dependency on any service.
 */
class ArchitectureTests {

    private static final String SERVICES = "se.medborgardialog.(intake|cases|sla|reporting)..";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.medborgardialog");

    @Test
    void servicesDoNotDependOnEachOther() {
        slices().matching(SERVICES).should().notDependOnEachOther().check(classes);
    }

    @Test
    void servicesUseNoProjectCodeButContractsAndTheCalendar() {
        noClasses().that().resideInAnyPackage("se.medborgardialog.intake..", "se.medborgardialog.cases..",
                        "se.medborgardialog.sla..", "se.medborgardialog.reporting..")
                .should().dependOnClassesThat().resideInAnyPackage("se.medborgardialog.localstack..",
                        "se.medborgardialog.testsupport..", "se.medborgardialog.systemtests..")
                .check(classes);
    }

    @Test
    void contractsAreOnlyRecordsEnumsAndNamesWithoutFrameworks() {
        classes().that().resideInAPackage("se.medborgardialog.contracts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..",
                        "se.medborgardialog.contracts..")
                .check(classes);
        classes().that().resideInAPackage("se.medborgardialog.contracts..").and().areNotEnums()
                .and().doNotHaveSimpleName("Topics").and().doNotHaveSimpleName("EventTypes")
                .should().beRecords()
                .check(classes);
    }

    @Test
    void theStaffIdentityLibraryKnowsNothingOfServicesOrEvents() {
        noClasses().that().resideInAPackage("se.medborgardialog.staff..")
                .should().dependOnClassesThat().resideInAnyPackage("se.medborgardialog.contracts..",
                        "se.medborgardialog.intake..", "se.medborgardialog.cases..", "se.medborgardialog.sla..",
                        "se.medborgardialog.reporting..")
                .check(classes);
    }

    @Test
    void theCalendarLibraryKnowsNothingOfServicesOrSpring() {
        noClasses().that().resideInAPackage("se.medborgardialog.workingdays..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "se.medborgardialog.contracts..",
                        "se.medborgardialog.intake..", "se.medborgardialog.cases..", "se.medborgardialog.sla..",
                        "se.medborgardialog.reporting..")
                .check(classes);
    }
}
