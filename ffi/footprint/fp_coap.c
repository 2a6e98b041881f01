/* Footprint probe: a C program that uses only the CoAP decode, the option iterator and the writer.
 * Built with -DWITH_RECEIVER_CHECKS it parses with iotc_coap_parse and IOTC_COAP_CHECK instead. */
#include "iotcodec.h"

#ifdef WITH_RECEIVER_CHECKS
#define PARSE(buf, len, msg, err) iotc_coap_parse(buf, len, IOTC_COAP_CHECK, msg, err)
#else
#define PARSE(buf, len, msg, err) iotc_coap_decode(buf, len, 0, msg, err)
#endif

int main(int argc, char **argv) {
    (void)argv;
    uint8_t in[64] = {0x41, 0x01, 0x7d, 0x35, 0x20, 0xbb, 't', 'e', 'm', 'p', 'e', 'r', 'a', 't', 'u', 'r', 'e'};
    in[4] = (uint8_t)argc;
    iotc_coap_msg m;
    iotc_error e;
    int sum = 0;
    if (PARSE(in, 17, &m, &e) == IOTC_OK) {
        iotc_coap_opt_iter it;
        uint16_t n;
        iotc_slice v;
        iotc_coap_opt_iter_init(&m, 0, &it);
        while (iotc_coap_opt_next(&it, &n, &v) == IOTC_OK) sum += n + (int)v.len;
    }
    uint8_t out[64];
    iotc_coap_writer w;
    iotc_coap_writer_init(&w, out, sizeof out, 2, 0x45, m.message_id, m.token.ptr, m.token.len);
    iotc_coap_writer_add_option(&w, 4, in, 2);
    iotc_coap_writer_add_uint(&w, 12, 0);
    iotc_coap_writer_payload(&w, in + 6, 4);
    return sum + (int)w.len;
}
