/* CoRE Link Format through the C ABI: RFC 6690 examples iterated link by link and attribute by
 * attribute, unescaping, the §4.1 filter, the writer with Block2 windows, malformed payloads. */
#include "iotcodec.h"
#include "check.h"

static const char *wkc =
    "</sensors/temp>;rt=\"temperature-c\";if=\"sensor\";ct=0;obs,"
    "</sensors/light>;rt=\"light-lux\";if=\"sensor\";title=\"Say \\\"hi\\\"\"";

static void iterate(void) {
    iotc_lf_link_iter it;
    iotc_lf_link l;
    iotc_error e;
    CHECK(iotc_lf_link_iter_init((const uint8_t *)wkc, strlen(wkc), &it) == IOTC_OK);
    CHECK(iotc_lf_link_next(&it, &l, &e) == IOTC_OK && SLICE_IS(l.target, "/sensors/temp") && l.offset == 0);
    iotc_lf_attr_iter ai;
    iotc_lf_attr a;
    CHECK(iotc_lf_attr_iter_init(&l, &ai) == IOTC_OK);
    CHECK(iotc_lf_attr_next(&ai, &a) == IOTC_OK && SLICE_IS(a.name, "rt") && a.kind == IOTC_LF_QUOTED && SLICE_IS(a.value, "temperature-c"));
    CHECK(iotc_lf_attr_next(&ai, &a) == IOTC_OK && SLICE_IS(a.name, "if"));
    CHECK(iotc_lf_attr_next(&ai, &a) == IOTC_OK && SLICE_IS(a.name, "ct") && a.kind == IOTC_LF_TOKEN && SLICE_IS(a.value, "0"));
    CHECK(iotc_lf_attr_next(&ai, &a) == IOTC_OK && SLICE_IS(a.name, "obs") && a.kind == IOTC_LF_FLAG);
    CHECK(iotc_lf_attr_next(&ai, &a) == IOTC_END);
    bool m = false;
    CHECK(iotc_lf_link_matches(&l, (const uint8_t *)"rt=temperature-c", 16, &m) == IOTC_OK && m);
    CHECK(iotc_lf_link_matches(&l, (const uint8_t *)"href=/sensors/l*", 16, &m) == IOTC_OK && !m);

    CHECK(iotc_lf_link_next(&it, &l, &e) == IOTC_OK && SLICE_IS(l.target, "/sensors/light"));
    CHECK(iotc_lf_attr_iter_init(&l, &ai) == IOTC_OK);
    while (iotc_lf_attr_next(&ai, &a) == IOTC_OK && !SLICE_IS(a.name, "title")) {}
    char out[16];
    size_t n = 0;
    CHECK(iotc_lf_unescape(a.value, (uint8_t *)out, sizeof out, &n) == IOTC_OK && n == 8 && memcmp(out, "Say \"hi\"", 8) == 0);
    CHECK(iotc_lf_unescape(a.value, (uint8_t *)out, 3, &n) == IOTC_ERR_BUFFER_TOO_SMALL);
    CHECK(iotc_lf_link_next(&it, &l, &e) == IOTC_END);

    /* Malformed: a second rt (RFC 6690 §3.1 says once), at its offset. */
    const char *bad = "</a>;rt=\"x\";rt=\"y\"";
    CHECK(iotc_lf_link_iter_init((const uint8_t *)bad, strlen(bad), &it) == IOTC_OK);
    CHECK(iotc_lf_link_next(&it, &l, &e) == IOTC_LINKFORMAT_DUPLICATE_ATTRIBUTE);
    CHECK(e.offset == 12);
}

static void write(void) {
    iotc_lf_out_attr a1[] = {{{(const uint8_t *)"rt", 2}, IOTC_LF_QUOTED, {(const uint8_t *)"temperature-c", 13}, 0},
                             {{(const uint8_t *)"ct", 2}, IOTC_LF_UINT, {NULL, 0}, 0},
                             {{(const uint8_t *)"obs", 3}, IOTC_LF_FLAG, {NULL, 0}, 0}};
    iotc_lf_out_attr a2[] = {{{(const uint8_t *)"rt", 2}, IOTC_LF_QUOTED, {(const uint8_t *)"firmware", 8}, 0},
                             {{(const uint8_t *)"sz", 2}, IOTC_LF_UINT, {NULL, 0}, 262144}};
    iotc_lf_out_link links[] = {{{(const uint8_t *)"/s/t", 4}, a1, 3}, {{(const uint8_t *)"/fw", 3}, a2, 2}};
    const char *want = "</s/t>;rt=\"temperature-c\";ct=0;obs,</fw>;rt=\"firmware\";sz=262144";
    uint8_t out[128];
    iotc_lf_written w;
    CHECK(iotc_lf_write(links, 2, NULL, 0, 0, out, sizeof out, &w) == IOTC_OK);
    CHECK(w.len == strlen(want) && w.total == w.len && !w.more && memcmp(out, want, w.len) == 0);
    /* Block2 windows of 16 bytes put together give the whole payload. */
    char joined[128];
    size_t at = 0;
    for (size_t num = 0;; num++) {
        CHECK(iotc_lf_write(links, 2, NULL, 0, num * 16, out, 16, &w) == IOTC_OK);
        memcpy(joined + at, out, w.len);
        at += w.len;
        if (!w.more) break;
        CHECK(w.len == 16);
    }
    CHECK(at == strlen(want) && memcmp(joined, want, at) == 0);
    /* The filter keeps the firmware link only. */
    CHECK(iotc_lf_write(links, 2, (const uint8_t *)"rt=firmware", 11, 0, out, sizeof out, &w) == IOTC_OK);
    CHECK(w.len == strlen("</fw>;rt=\"firmware\";sz=262144") && out[0] == '<' && out[2] == 'f');
    /* A target the parser would refuse. */
    iotc_lf_out_link badl[] = {{{(const uint8_t *)"/a>b", 4}, NULL, 0}};
    CHECK(iotc_lf_write(badl, 1, NULL, 0, 0, out, sizeof out, &w) == IOTC_LINKFORMAT_INVALID_TARGET);
    CHECK(iotc_lf_write(NULL, 1, NULL, 0, 0, out, sizeof out, &w) == IOTC_ERR_NULL);
}

int main(void) {
    iterate();
    write();
    DONE("test_linkformat");
}
