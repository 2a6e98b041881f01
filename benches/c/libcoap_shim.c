/* The libcoap side of the CoAP decode benchmarks: coap_pdu_parse() into one reused PDU (UDP datagram
 * or RFC 8323 TCP frame), then a walk of every option with libcoap's own iterator, reading what a user
 * reads (number, length, value), the token and the payload. Returns a checksum so that nothing is
 * optimised away, 0 on a parse error. */
#include <coap3/coap.h>
#include <stdint.h>

static coap_pdu_t *pdu;

int iotc_bench_libcoap_init(void) {
    coap_startup();
    coap_set_log_level(LOG_EMERG);
    pdu = coap_pdu_init(0, 0, 0, 8192);
    return pdu != NULL;
}

static size_t parse(coap_proto_t proto, const uint8_t *data, size_t len) {
    if (!coap_pdu_parse(proto, data, len, pdu))
        return 0;
    size_t sum = coap_pdu_get_code(pdu);
    if (proto == COAP_PROTO_UDP)
        sum += coap_pdu_get_mid(pdu) + coap_pdu_get_type(pdu);
    coap_bin_const_t token = coap_pdu_get_token(pdu);
    sum += token.length;
    coap_opt_iterator_t oi;
    coap_opt_t *opt;
    coap_option_iterator_init(pdu, &oi, COAP_OPT_ALL);
    while ((opt = coap_option_next(&oi)) != NULL) {
        size_t vlen = coap_opt_length(opt);
        const uint8_t *v = coap_opt_value(opt);
        sum += oi.number + vlen + (vlen ? v[0] : 0);
    }
    size_t plen = 0;
    const uint8_t *payload = NULL;
    if (coap_get_data(pdu, &plen, &payload))
        sum += plen;
    return sum;
}

size_t iotc_bench_libcoap_parse(const uint8_t *data, size_t len) {
    return parse(COAP_PROTO_UDP, data, len);
}

size_t iotc_bench_libcoap_parse_tcp(const uint8_t *data, size_t len) {
    return parse(COAP_PROTO_TCP, data, len);
}
