package id.kentongan;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house as docs/architecture.md draws it, checked on the production classes (tests may reach anywhere).
 * Each rule was seen failing on a deliberately broken import (see the note in docs/architecture.md).
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.kentongan");

    /** Classes outside id.kentongan, or in one of {@code packages} (and their sub-packages). */
    static DescribedPredicate<JavaClass> notOursExcept(String... packages) {
        String ours = "id\\.kentongan\\.(" + String.join("|", packages) + ")(\\..*)?";
        return DescribedPredicate.describe("outside id.kentongan or in " + String.join(", ", packages),
                c -> !c.getPackageName().startsWith("id.kentongan") || c.getPackageName().matches(ours));
    }

    @Test
    void theProductionClassesAreThere() {
        // An import that found nothing would make every rule below pass vacuously.
        assertTrue(MAIN.size() > 100, "classes imported: " + MAIN.size());
        assertTrue(MAIN.contain("id.kentongan.menu.MenuEngine"));
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("id.kentongan.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theMenuEngineKnowsNothingOfOursButTheBase() {
        classes().that().resideInAPackage("id.kentongan.menu..")
                .should().onlyDependOnClassesThat(notOursExcept("menu", "domain", "text"))
                .check(MAIN);
    }

    @Test
    void theBaseDependsOnNothingOfOurs() {
        classes().that().resideInAnyPackage("id.kentongan.domain..", "id.kentongan.text..")
                .should().onlyDependOnClassesThat(notOursExcept("domain", "text"))
                .check(MAIN);
    }

    @Test
    void productionCodeNeverUsesTheTools() {
        noClasses().that().resideOutsideOfPackage("id.kentongan.tools..")
                .should().dependOnClassesThat().resideInAPackage("id.kentongan.tools..")
                .check(MAIN);
    }

    @Test
    void onlyTheToolsUseTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages("id.kentongan", "id.kentongan.tools..")
                .should().dependOnClassesThat().resideInAPackage("id.kentongan")
                .check(MAIN);
    }

    /** Worker threads wait through store.Blocking only, which refuses to wait on an event loop. */
    @Test
    void nothingWaitsButThroughBlocking() {
        noClasses().that().resideOutsideOfPackage("id.kentongan.tools..")
                .and().doNotHaveFullyQualifiedName("id.kentongan.store.Blocking")
                .should().callMethod(CompletableFuture.class, "join")
                .orShould().callMethod(CompletableFuture.class, "get")
                .orShould().callMethod(CompletableFuture.class, "get", long.class, java.util.concurrent.TimeUnit.class)
                .orShould().callMethod(io.vertx.core.Future.class, "await")
                .check(MAIN);
    }

    /** Channels -> actions -> domain -> infrastructure -> base, never back; admin, root and tools at the edge. */
    @Test
    void dependenciesPointOneWay() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Edge").definedBy("id.kentongan", "id.kentongan.admin..", "id.kentongan.tools..")
                .layer("Channels").definedBy("id.kentongan.ussd..", "id.kentongan.sms..")
                .layer("Actions").definedBy("id.kentongan.actions..")
                .layer("Domain").definedBy("id.kentongan.member..", "id.kentongan.payment..", "id.kentongan.community..",
                        "id.kentongan.campaign..", "id.kentongan.reminder..", "id.kentongan.publishing..", "id.kentongan.session..")
                .layer("Infrastructure").definedBy("id.kentongan.store..", "id.kentongan.outbox..", "id.kentongan.smpp..",
                        "id.kentongan.backend..", "id.kentongan.metrics..")
                .layer("Base").definedBy("id.kentongan.domain..", "id.kentongan.text..", "id.kentongan.menu..")
                .whereLayer("Edge").mayNotBeAccessedByAnyLayer()
                .whereLayer("Channels").mayOnlyBeAccessedByLayers("Edge")
                .whereLayer("Actions").mayOnlyBeAccessedByLayers("Channels", "Edge")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Actions", "Channels", "Edge")
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Domain", "Actions", "Channels", "Edge")
                .whereLayer("Base").mayNotAccessAnyLayer();
        layers.check(MAIN);
    }
}
