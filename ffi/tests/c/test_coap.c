/* CoAP through the C ABI: RFC 7252 vectors field by field, the option iterator and getters, malformed
 * datagrams with offset and answer, the receiver checks, CoAP over TCP, the writer, NULLs. */
#include "iotcodec.h"
#include "check.h"

/* RFC 7252 Appendix A, Figure 17: CON GET, MID 0x7d35, token 0x20, Uri-Path "temperature". */
static const uint8_t fig17[] = {0x41, 0x01, 0x7d, 0x35, 0x20, 0xbb, 't', 'e', 'm', 'p', 'e',
                                'r', 'a', 't', 'u', 'r', 'e'};

static void parse_vectors(void) {
    iotc_coap_msg m;
    iotc_error e;
    CHECK(iotc_coap_parse(fig17, sizeof fig17, 0, &m, &e) == IOTC_OK);
    CHECK(m.type_ == 0 && m.code == 0x01 && m.message_id == 0x7d35);
    CHECK(m.token.len == 1 && m.token.ptr[0] == 0x20);
    CHECK(m.payload.len == 0 && m.length == sizeof fig17 && m.options_offset == 5);
    iotc_slice path;
    CHECK(iotc_coap_get_string(&m, 11, &path) == IOTC_OK && SLICE_IS(path, "temperature"));
    CHECK(iotc_coap_get_string(&m, 15, &path) == IOTC_ERR_NOT_FOUND);

    /* Figure 16's response: ACK 2.05, token 0x20, Content-Format 0 absent, payload "22.3 C". */
    const uint8_t rsp[] = {0x61, 0x45, 0x7d, 0x34, 0x20, 0xff, '2', '2', '.', '3', ' ', 'C'};
    CHECK(iotc_coap_parse(rsp, sizeof rsp, IOTC_COAP_CHECK, &m, &e) == IOTC_OK);
    CHECK(m.type_ == 2 && m.code == 0x45 && SLICE_IS(m.payload, "22.3 C"));
}

static void options(void) {
    /* GET with Uri-Host "h", Observe 0, Uri-Path "a" "bb", Content-Format 50, Block2 0x16. */
    const uint8_t b[] = {0x40, 0x01, 0x00, 0x01, 0x31, 'h', 0x30, 0x51, 'a', 0x02, 'b', 'b',
                         0x11, 50, 0xb1, 0x16};
    iotc_coap_msg m;
    CHECK(iotc_coap_parse(b, sizeof b, IOTC_COAP_CHECK, &m, NULL) == IOTC_OK);
    iotc_coap_opt_iter it;
    uint16_t n;
    iotc_slice v;
    uint16_t numbers[8];
    int count = 0;
    CHECK(iotc_coap_opt_iter_init(&m, 0, &it) == IOTC_OK);
    while (iotc_coap_opt_next(&it, &n, &v) == IOTC_OK) numbers[count++] = n;
    CHECK(count == 6);
    CHECK(numbers[0] == 3 && numbers[1] == 6 && numbers[2] == 11 && numbers[3] == 11 && numbers[4] == 12 && numbers[5] == 23);
    CHECK(iotc_coap_opt_next(&it, &n, &v) == IOTC_END);

    CHECK(iotc_coap_opt_iter_init(&m, 11, &it) == IOTC_OK);
    CHECK(iotc_coap_opt_next(&it, &n, &v) == IOTC_OK && n == 11 && SLICE_IS(v, "a"));
    CHECK(iotc_coap_opt_next(&it, NULL, &v) == IOTC_OK && SLICE_IS(v, "bb"));
    CHECK(iotc_coap_opt_next(&it, &n, &v) == IOTC_END);

    uint32_t u = 99;
    CHECK(iotc_coap_get_uint(&m, 6, &u) == IOTC_OK && u == 0);
    CHECK(iotc_coap_get_uint(&m, 12, &u) == IOTC_OK && u == 50);
    CHECK(iotc_coap_get_uint(&m, 23, &u) == IOTC_OK && u == 0x16);
    CHECK(iotc_coap_get_uint(&m, 60, &u) == IOTC_ERR_NOT_FOUND);
    CHECK(iotc_coap_get_opaque(&m, 3, &v) == IOTC_OK && SLICE_IS(v, "h"));

    /* An unrecognised critical option: 9 (OSCORE) is critical; with 9 known, none is left. */
    const uint8_t crit[] = {0x40, 0x01, 0x00, 0x02, 0x91, 0x00, 0x40};
    CHECK(iotc_coap_parse(crit, sizeof crit, 0, &m, NULL) == IOTC_OK);
    CHECK(iotc_coap_first_unrecognized_critical(&m, NULL, 0, &n) == IOTC_OK && n == 9);
    const uint16_t known[] = {9};
    CHECK(iotc_coap_first_unrecognized_critical(&m, known, 1, &n) == IOTC_OK && n == 13);
    const uint16_t both[] = {9, 13};
    CHECK(iotc_coap_first_unrecognized_critical(&m, both, 2, &n) == IOTC_ERR_NOT_FOUND);
    CHECK(iotc_coap_option_registered(11) && !iotc_coap_option_registered(13));
}

static void malformed(void) {
    iotc_coap_msg m;
    iotc_error e;
    /* CON with an option whose value runs past the end: Reset, offset 4. */
    const uint8_t trunc[] = {0x40, 0x01, 0x00, 0x0a, 0xb1};
    CHECK(iotc_coap_parse(trunc, sizeof trunc, 0, &m, &e) == IOTC_COAP_OPTION_VALUE_TRUNCATED);
    CHECK(e.offset == 4 && e.answer == IOTC_ANSWER_RESET);
    CHECK(iotc_coap_parse(trunc, 3, 0, &m, &e) == IOTC_COAP_MESSAGE_TOO_SHORT && e.answer == IOTC_ANSWER_IGNORE);
    /* With the receiver checks: option 13 is critical and unknown: 4.02, naming the option. */
    const uint8_t crit[] = {0x40, 0x01, 0x00, 0x02, 0xd0, 0x00};
    CHECK(iotc_coap_parse(crit, sizeof crit, IOTC_COAP_CHECK, &m, &e) == IOTC_COAP_UNRECOGNIZED_CRITICAL_OPTION);
    CHECK(e.answer == IOTC_ANSWER_BAD_OPTION && e.option == 13 && e.offset == 4);
    CHECK(iotc_coap_parse(crit, sizeof crit, 0, &m, &e) == IOTC_OK);
    /* Block2 SZX 7: 4.00. */
    const uint8_t szx7[] = {0x40, 0x01, 0x00, 0x01, 0xd1, 0x0a, 0x07};
    CHECK(iotc_coap_parse(szx7, sizeof szx7, IOTC_COAP_CHECK, &m, &e) == IOTC_COAP_INVALID_OPTION_VALUE);
    CHECK(e.answer == IOTC_ANSWER_BAD_REQUEST && e.option == 23);
    /* TKL 9 is accepted only with RFC 8974. */
    const uint8_t tkl9[] = {0x49, 0x01, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    CHECK(iotc_coap_parse(tkl9, sizeof tkl9, 0, &m, &e) == IOTC_COAP_INVALID_TOKEN_LENGTH);
    CHECK(iotc_coap_parse(tkl9, sizeof tkl9, IOTC_COAP_EXTENDED_TOKENS, &m, &e) == IOTC_OK && m.token.len == 9);
}

/* iotc_coap_decode: the format rules alone, the same message struct and errors as iotc_coap_parse,
 * and IOTC_COAP_CHECK ignored. */
static void decode_only(void) {
    iotc_coap_msg m;
    iotc_error e;
    CHECK(iotc_coap_decode(fig17, sizeof fig17, 0, &m, &e) == IOTC_OK);
    CHECK(m.type_ == 0 && m.code == 0x01 && m.message_id == 0x7d35 && m.token.len == 1);
    CHECK(m.token.ptr[0] == 0x20 && m.options_offset == 5 && m.length == sizeof fig17);
    CHECK(m.options.len == 12 && m.payload.len == 0);
    /* An unknown critical option passes, even with IOTC_COAP_CHECK. */
    const uint8_t crit[] = {0x40, 0x01, 0x00, 0x02, 0xd0, 0x00};
    CHECK(iotc_coap_decode(crit, sizeof crit, IOTC_COAP_CHECK, &m, &e) == IOTC_OK);
    /* A truncated option value: Reset, offset 4, as from iotc_coap_parse. */
    const uint8_t trunc[] = {0x40, 0x01, 0x00, 0x0a, 0xb1};
    CHECK(iotc_coap_decode(trunc, sizeof trunc, 0, &m, &e) == IOTC_COAP_OPTION_VALUE_TRUNCATED);
    CHECK(e.offset == 4 && e.answer == IOTC_ANSWER_RESET);
    /* Uri-Path 0xC3 0x28 (a lead byte without its continuation) is refused with 4.00 unless lenient. */
    const uint8_t bad_utf8[] = {0x40, 0x01, 0x00, 0x03, 0xb2, 0xc3, 0x28};
    CHECK(iotc_coap_decode(bad_utf8, sizeof bad_utf8, 0, &m, &e) == IOTC_COAP_INVALID_UTF8_OPTION);
    CHECK(e.offset == 4 && e.option == 11 && e.answer == IOTC_ANSWER_BAD_REQUEST);
    CHECK(iotc_coap_decode(bad_utf8, sizeof bad_utf8, IOTC_COAP_LENIENT_UTF8, &m, &e) == IOTC_OK);
    /* A payload marker with nothing after it. */
    const uint8_t marker[] = {0x50, 0x02, 0x00, 0x04, 0xff};
    CHECK(iotc_coap_decode(marker, sizeof marker, 0, &m, &e) == IOTC_COAP_EMPTY_PAYLOAD && e.offset == 4);
    CHECK(iotc_coap_decode(NULL, 4, 0, &m, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_coap_decode(fig17, sizeof fig17, 0, NULL, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_coap_decode(NULL, 0, 0, &m, &e) == IOTC_COAP_MESSAGE_TOO_SHORT && e.offset == 0);
}

static void tcp(void) {
    iotc_coap_msg m;
    iotc_error e;
    size_t needed = 0;
    bool exact = false;
    /* RFC 8323 Figure 11 (Ping, token 0x42) then a partial frame. */
    const uint8_t stream[] = {0x01, 0xe2, 0x42, 0xd1};
    CHECK(iotc_coap_parse_tcp(stream, sizeof stream, 0, 0, &m, &needed, &exact, &e) == IOTC_OK);
    CHECK(m.type_ == IOTC_COAP_TYPE_NONE && m.code == 0xe2 && m.length == 3 && m.token.ptr[0] == 0x42);
    CHECK(iotc_coap_parse_tcp(stream + 3, 1, 0, 0, &m, &needed, &exact, &e) == IOTC_INCOMPLETE);
    CHECK(needed == 1 && !exact);
    const uint8_t head[] = {0xd1, 0x20, 0x45};
    CHECK(iotc_coap_parse_tcp(head, sizeof head, 0, 0, &m, &needed, &exact, &e) == IOTC_INCOMPLETE);
    CHECK(needed == 46 && exact);
    /* The same header against a Max-Message-Size of 40: refused from the header. */
    CHECK(iotc_coap_parse_tcp(head, 2, 0, 40, &m, &needed, &exact, &e) == IOTC_COAP_FRAME_TOO_LARGE);
    CHECK(e.answer == IOTC_ANSWER_ABORT);
}

static void writer(void) {
    uint8_t buf[64];
    iotc_coap_writer w;
    const uint8_t token[] = {0x20};
    CHECK(iotc_coap_writer_init(&w, buf, sizeof buf, 0, 0x01, 0x7d35, token, 1) == IOTC_OK);
    const char *uri = "coap://127.0.0.1/temperature";
    CHECK(iotc_coap_writer_uri(&w, (const uint8_t *)uri, strlen(uri)) == IOTC_OK);
    CHECK(w.len == sizeof fig17 && memcmp(buf, fig17, sizeof fig17) == 0);

    /* Observe (6) between Uri-Host (3) and Uri-Path (11), then Accept, then a payload. */
    const char *named = "coap://example.net/s/t%C3%A9?x=1";
    CHECK(iotc_coap_writer_init(&w, buf, sizeof buf, 1, 0x02, 7, NULL, 0) == IOTC_OK);
    CHECK(iotc_coap_writer_uri_host(&w, (const uint8_t *)named, strlen(named)) == IOTC_OK);
    CHECK(iotc_coap_writer_add_uint(&w, 6, 0) == IOTC_OK);
    CHECK(iotc_coap_writer_uri_port(&w, (const uint8_t *)named, strlen(named), 5683) == IOTC_OK);
    CHECK(iotc_coap_writer_uri_path(&w, (const uint8_t *)named, strlen(named)) == IOTC_OK);
    CHECK(iotc_coap_writer_uri_query(&w, (const uint8_t *)named, strlen(named)) == IOTC_OK);
    CHECK(iotc_coap_writer_add_uint(&w, 17, 50) == IOTC_OK);
    CHECK(iotc_coap_writer_payload(&w, (const uint8_t *)"{}", 2) == IOTC_OK);
    CHECK(iotc_coap_writer_add_uint(&w, 60, 1) == IOTC_COAP_OPTION_AFTER_PAYLOAD);
    iotc_coap_msg m;
    CHECK(iotc_coap_parse(buf, w.len, IOTC_COAP_CHECK, &m, NULL) == IOTC_OK);
    iotc_slice v;
    CHECK(iotc_coap_get_string(&m, 3, &v) == IOTC_OK && SLICE_IS(v, "example.net"));
    iotc_coap_opt_iter it;
    CHECK(iotc_coap_opt_iter_init(&m, 11, &it) == IOTC_OK);
    CHECK(iotc_coap_opt_next(&it, NULL, &v) == IOTC_OK && SLICE_IS(v, "s"));
    CHECK(iotc_coap_opt_next(&it, NULL, &v) == IOTC_OK && SLICE_IS(v, "t\xc3\xa9"));
    CHECK(iotc_coap_get_string(&m, 15, &v) == IOTC_OK && SLICE_IS(v, "x=1"));
    CHECK(SLICE_IS(m.payload, "{}") && m.type_ == 1 && m.code == 0x02);

    /* Out of order, and a buffer too small: the message stays as it was. */
    CHECK(iotc_coap_writer_init(&w, buf, sizeof buf, 0, 0x01, 1, NULL, 0) == IOTC_OK);
    CHECK(iotc_coap_writer_add_uint(&w, 12, 0) == IOTC_OK);
    CHECK(iotc_coap_writer_add_uint(&w, 11, 0) == IOTC_COAP_OPTION_OUT_OF_ORDER);
    size_t before = w.len;
    uint8_t big[80] = {0};
    CHECK(iotc_coap_writer_add_option(&w, 60, big, sizeof big) == IOTC_ERR_BUFFER_TOO_SMALL);
    CHECK(w.len == before);
    uint8_t tiny[3];
    CHECK(iotc_coap_writer_init(&w, tiny, sizeof tiny, 0, 0x01, 1, NULL, 0) == IOTC_ERR_BUFFER_TOO_SMALL);
    const uint8_t long_token[9] = {0};
    CHECK(iotc_coap_writer_init(&w, buf, sizeof buf, 0, 0x01, 1, long_token, 9) == IOTC_COAP_TOKEN_TOO_LONG);
    CHECK(iotc_coap_writer_init(&w, buf, sizeof buf, 4, 0x01, 1, NULL, 0) == IOTC_ERR_INVALID_ARGUMENT);
    const char *bad = "http://x/";
    CHECK(iotc_coap_writer_init(&w, buf, sizeof buf, 0, 0x01, 1, NULL, 0) == IOTC_OK);
    CHECK(iotc_coap_writer_uri(&w, (const uint8_t *)bad, strlen(bad)) == IOTC_COAP_INVALID_URI);
}

static void nulls(void) {
    iotc_coap_msg m;
    iotc_coap_writer w;
    CHECK(iotc_coap_parse(NULL, 4, 0, &m, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_coap_parse(fig17, sizeof fig17, 0, NULL, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_coap_parse(NULL, 0, 0, &m, NULL) == IOTC_COAP_MESSAGE_TOO_SHORT);
    CHECK(iotc_coap_opt_iter_init(NULL, 0, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_coap_opt_next(NULL, NULL, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_coap_get_uint(NULL, 1, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_coap_writer_init(NULL, NULL, 0, 0, 0, 0, NULL, 0) == IOTC_ERR_NULL);
    CHECK(iotc_coap_writer_add_uint(NULL, 1, 1) == IOTC_ERR_NULL);
    CHECK(iotc_coap_writer_init(&w, NULL, 10, 0, 0, 0, NULL, 0) == IOTC_ERR_NULL);
    CHECK(iotc_coap_parse_tcp(NULL, 1, 0, 0, &m, NULL, NULL, NULL) == IOTC_ERR_NULL);
}

int main(void) {
    parse_vectors();
    options();
    malformed();
    decode_only();
    tcp();
    writer();
    nulls();
    DONE("test_coap");
}
