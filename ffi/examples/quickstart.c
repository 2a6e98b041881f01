/* The README's C quick start: parse a CoAP request, read its path, build the response. */
#include <stdio.h>
#include <string.h>
#include "iotcodec.h"

int main(void) {
    /* RFC 7252 Figure 17: CON GET /temperature, token 0x20. */
    const uint8_t req[] = {0x41, 0x01, 0x7d, 0x35, 0x20, 0xbb, 't', 'e', 'm', 'p', 'e', 'r', 'a', 't', 'u', 'r', 'e'};
    iotc_coap_msg msg;
    iotc_error err;
    iotc_status s = iotc_coap_parse(req, sizeof req, IOTC_COAP_CHECK, &msg, &err);
    if (s != IOTC_OK) {
        printf("refused: %s at byte %zu\n", iotc_status_str(s), err.offset);
        return 1;
    }
    iotc_slice path;
    if (iotc_coap_get_string(&msg, 11 /* Uri-Path */, &path) == IOTC_OK)
        printf("GET /%.*s\n", (int)path.len, (const char *)path.ptr);

    uint8_t out[64];
    iotc_coap_writer w;
    iotc_coap_writer_init(&w, out, sizeof out, 2 /* ACK */, 0x45 /* 2.05 */, msg.message_id, msg.token.ptr, msg.token.len);
    iotc_coap_writer_add_uint(&w, 12 /* Content-Format */, 0 /* text/plain */);
    iotc_coap_writer_payload(&w, (const uint8_t *)"22.3 C", 6);
    printf("response: %zu bytes\n", w.len);
    return 0;
}
