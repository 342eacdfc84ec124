package id.kentongan.campaign;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignTemplateTest {

    @Test
    void fieldsAreFilledAndThePreviewCountsCharactersAndSms() {
        CampaignTemplate t = CampaignTemplate.parse("Yth {name}, iuran {amountDue} s.d. {paidThrough}. Tekan {ussd}.");
        CampaignTemplate.Preview p = t.preview(Map.of("name", "Siti", "amountDue", "Rp16.800", "paidThrough", "11/2026", "ussd", "*567#"));
        assertEquals("Yth Siti, iuran Rp16.800 s.d. 11/2026. Tekan *567#.", p.text());
        assertEquals(p.text().length(), p.characters());
        assertEquals(1, p.segments());
        assertEquals("GSM-7", p.encoding());
        CampaignTemplate.Preview u = CampaignTemplate.parse("Terima kasih 🙏 {name}").preview(Map.of("name", "Siti"));
        assertEquals("UCS-2", u.encoding());
    }

    @Test
    void badTemplatesAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CampaignTemplate.parse("Halo {nama}")).getMessage()
                .startsWith("unknown field {nama}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CampaignTemplate.parse("Halo {name")).getMessage()
                .contains("brace"));
        assertEquals("the text is empty", assertThrows(IllegalArgumentException.class, () -> CampaignTemplate.parse(" ")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CampaignTemplate.parse("x".repeat(470))).getMessage()
                .startsWith("too long: 4 SMS"));
    }

    @Test
    void targetsAreCheckedAndKeptAsGiven() {
        Target t = Target.parse(new JsonObject().put("occupation", "tukang_parkir").put("district", "330214").put("status", "lapsed"));
        assertEquals("33.02.14", t.district().orElseThrow());
        assertEquals(new JsonObject().put("occupation", "tukang_parkir").put("district", "33.02.14").put("status", "lapsed"), t.toJson());
        assertThrows(IllegalArgumentException.class, () -> Target.parse(new JsonObject().put("occupation", "pilot")));
        assertThrows(IllegalArgumentException.class, () -> Target.parse(new JsonObject().put("status", "sleeping")));
        assertThrows(IllegalArgumentException.class, () -> Target.parse(new JsonObject().put("colour", "red")));
        Target list = Target.parse(new JsonObject().put("msisdns", new io.vertx.core.json.JsonArray().add("0812-3456-7890").add("6281234567890")));
        assertEquals(java.util.List.of("6281234567890"), list.msisdns(), "written twice, reached once");
        assertThrows(IllegalArgumentException.class, () -> Target.parse(new JsonObject().put("msisdns", new io.vertx.core.json.JsonArray().add("12345"))));
    }
}
