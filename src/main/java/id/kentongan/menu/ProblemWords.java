package id.kentongan.menu;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validator's problems in Bahasa Indonesia, for the console's Indonesian page: each English message the compiler
 * writes, matched by its shape, said again with the same names and numbers. {@code ProblemWordsTest} feeds every
 * problem the compiler can write through it; a message no pattern knows keeps its English after "(EN)".
 */
public final class ProblemWords {
    private ProblemWords() {}

    private static final Map<Pattern, String> ID = new LinkedHashMap<>();

    private static void id(String english, String indonesian) {
        ID.put(Pattern.compile(english), indonesian);
    }

    static {
        id("a menu file is a mapping with serviceCode, languages, start and screens", "berkas menu berisi serviceCode, languages, start dan screens");
        id("serviceCode must look like \\*567#, was '(.*)'", "serviceCode harus seperti *567#, tertulis '$1'");
        id("languages must be a list such as \\[id, en\\], Bahasa Indonesia first", "languages harus daftar seperti [id, en], Bahasa Indonesia lebih dulu");
        id("the first language must be 'id' \\(Bahasa Indonesia\\), was '(.*)'", "bahasa pertama harus 'id' (Bahasa Indonesia), tertulis '$1'");
        id("screens must be a mapping of screen id to screen", "screens harus berisi id layar beserta layarnya");
        id("screen ids are lower_snake_case", "id layar ditulis huruf kecil dengan garis bawah (lower_snake_case)");
        id("a second screen with this id", "sudah ada layar lain dengan id ini");
        id("start screen '(.*)' does not exist", "layar awal '$1' tidak ada");
        id("resumeAfter screen '(.*)' does not exist", "layar resumeAfter '$1' tidak ada");
        id("resumeAfter must be a screen the worker sees, not an (action|router)", "resumeAfter harus layar yang dilihat pekerja, bukan $1");
        id("a screen is a mapping with a type", "layar harus punya type");
        id("unknown screen type '(.*)' \\(known: (.*)\\)", "jenis layar '$1' tidak dikenal (yang dikenal: $2)");
        id("a menu needs a list of options", "menu perlu daftar pilihan (options)");
        id("an option is a mapping with label and next", "pilihan harus punya label dan next");
        id("value names are lower_snake_case, was '(.*)'", "nama nilai ditulis huruf kecil dengan garis bawah, tertulis '$1'");
        id("set is a mapping of value name to value", "set berisi nama nilai beserta nilainya");
        id("(\\w+) applies to the amount validator only", "$1 hanya berlaku untuk pemeriksa amount");
        id("(\\w+) must be a whole rupiah amount", "$1 harus jumlah rupiah tanpa sen");
        id("choices is a mapping of what the worker types to the value stored", "choices berisi yang diketik pekerja beserta nilai yang disimpan");
        id("the choice validator needs choices", "pemeriksa choice perlu choices");
        id("value names are lower_snake_case", "nama nilai ditulis huruf kecil dengan garis bawah (lower_snake_case)");
        id("unknown action '(.*)' \\(known: (.*)\\)", "aksi '$1' tidak dikenal (yang dikenal: $2)");
        id("an action needs 'on': a mapping of result to next screen", "aksi perlu 'on': hasil beserta layar berikutnya");
        id("a message needs end: true or a next screen", "pesan perlu end: true atau layar next");
        id("an end message has no next screen", "pesan akhir tidak punya layar next");
        id("condition '(.*)' is not 'value', 'value == x' or 'value != x'", "syarat '$1' bukan 'value', 'value == x' atau 'value != x'");
        id("a router needs a list of routes", "router perlu daftar routes");
        id("'(.*)' needs a text per language, e\\.g\\. \\{id: \\.\\.\\., en: \\.\\.\\.\\}", "'$1' perlu teks untuk tiap bahasa, misalnya {id: ..., en: ...}");
        id("'(.*)' has a text in '(.*)', not one of (.*)", "'$1' punya teks dalam '$2', yang tidak ada di $3");
        id("'(.*)' is missing its '(.*)' translation", "'$1' belum punya terjemahan '$2'");
        id("'(.*)' is missing", "'$1' belum ada");
        id("(\\w+) must be true or false", "$1 harus true atau false");
        id("'(.*)' must be a single value", "'$1' harus satu nilai");
        id("unknown field '(.*)' \\(expected one of (.*)\\)", "isian '$1' tidak dikenal (yang diharapkan salah satu dari $2)");
        id("keys must be plain values", "kunci harus nilai biasa");
        id("goes to screen '(.*)', which does not exist", "menuju layar '$1', yang tidak ada");
        id("action '(.*)' has no result '(.*)' \\(it has (.*)\\)", "aksi '$1' tidak punya hasil '$2' (hasilnya: $3)");
        id("result '(.*)' of '(.*)' goes nowhere", "hasil '$1' dari '$2' tidak menuju ke mana pun");
        id("stores '(.*)', which a secret screen stores too: mark it secret: true", "menyimpan '$1', yang juga disimpan layar rahasia: tandai secret: true");
        id("condition reads the secret '(.*)': only an action may read a secret", "syarat membaca rahasia '$1': hanya aksi yang boleh membaca rahasia");
        id("condition reads '(.*)', which no screen sets", "syarat membaca '$1', yang tidak diisi layar mana pun");
        id("cannot be reached from the start screen '(.*)'", "tidak bisa dicapai dari layar awal '$1'");
        id("text shows \\{(.*)\\}, a secret: a secret is never shown", "teks menampilkan {$1}, sebuah rahasia: rahasia tidak pernah ditampilkan");
        id("text uses \\{(.*)\\}, which no screen or action sets", "teks memakai {$1}, yang tidak diisi layar atau aksi mana pun");
        id("unknown filter '\\|(.*)' in \\{(.*)\\} \\(known: rp\\)", "penyaring '|$1' dalam {$2} tidak dikenal (yang dikenal: rp)");
        id("text in '(.*)' can reach (\\d+) (GSM-7|UCS-2) characters \\(limit (\\d+), with a re-prompt hint\\): shorten it or set paginate: true",
                "teks dalam '$1' bisa mencapai $2 karakter $3 (batas $4, dengan petunjuk ulang): pendekkan atau pasang paginate: true");
        id("text in '(.*)' can reach (\\d+) (GSM-7|UCS-2) characters \\(limit (\\d+)\\): shorten it or set paginate: true",
                "teks dalam '$1' bisa mencapai $2 karakter $3 (batas $4): pendekkan atau pasang paginate: true");
        id("page (\\d+) in '(.*)' can reach (\\d+) (GSM-7|UCS-2) characters \\(limit (\\d+), with a re-prompt hint\\): shorten a line",
                "halaman $1 dalam '$2' bisa mencapai $3 karakter $4 (batas $5, dengan petunjuk ulang): pendekkan satu baris");
        id("page (\\d+) in '(.*)' can reach (\\d+) (GSM-7|UCS-2) characters \\(limit (\\d+)\\): shorten a line",
                "halaman $1 dalam '$2' bisa mencapai $3 karakter $4 (batas $5): pendekkan satu baris");
        id("a menu file is at most (\\d+) KiB", "berkas menu paling besar $1 KiB");
        id("a menu file is at most (\\d+) lines, this has (\\d+)", "berkas menu paling banyak $1 baris, ini $2 baris");
        id("not valid YAML: the YAML reader failed \\((.*)\\)", "bukan YAML yang sah: pembaca YAML gagal ($1)");
        id("not valid YAML: (.*)", "bukan YAML yang sah: $1");
        id("cannot read: (.*)", "tidak bisa dibaca: $1");
    }

    /** {@code english} (a problem's message) in Bahasa Indonesia. */
    public static String indonesian(String english) {
        for (Map.Entry<Pattern, String> e : ID.entrySet()) {
            Matcher m = e.getKey().matcher(english);
            if (m.matches()) return m.replaceFirst(e.getValue().replace("\\", "\\\\").replaceAll("\\$(?!\\d)", "\\\\\\$"));
        }
        return "(EN) " + english;
    }

    /** Whether a pattern knows {@code english}. */
    static boolean knows(String english) {
        return !indonesian(english).startsWith("(EN) ");
    }
}
