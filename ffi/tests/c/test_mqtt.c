/* MQTT through the C ABI: stream decoding with exact counts, every accessor, every serializer read
 * back, properties written and iterated, topic checks, malformed packets, NULLs. */
#include "iotcodec.h"
#include "check.h"

static iotc_slice S(const char *s) {
    iotc_slice x = {(const uint8_t *)s, strlen(s)};
    return x;
}

static void stream(void) {
    /* CONNECT 3.1.1 (clean session, keep alive 60, empty client id), PUBLISH QoS 0 "a/b" "hi", then
     * the first two bytes of a PINGREQ... cut after one. */
    const uint8_t b[] = {0x10, 0x0c, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3c, 0x00, 0x00,
                         0x30, 0x07, 0x00, 0x03, 'a', '/', 'b', 'h', 'i', 0xc0};
    iotc_mqtt_decoder d;
    iotc_mqtt_packet p;
    iotc_error e;
    size_t n = 0, at = 0;
    bool exact = true;
    CHECK(iotc_mqtt_decoder_init(&d, 5, 0) == IOTC_OK);
    CHECK(iotc_mqtt_decode(&d, b, sizeof b, &p, &n, &exact, &e) == IOTC_OK);
    CHECK(p.type_ == 1 && n == 14 && d.level == 4 && p.level == 4);
    iotc_mqtt_connect c;
    CHECK(iotc_mqtt_connect_get(&p, &c) == IOTC_OK);
    CHECK(c.level == 4 && c.clean_start && c.keep_alive == 60 && c.client_id.len == 0);
    CHECK(!c.has_will && !c.has_username && !c.has_password);
    at += n;
    CHECK(iotc_mqtt_decode(&d, b + at, sizeof b - at, &p, &n, &exact, &e) == IOTC_OK);
    CHECK(p.type_ == 3 && n == 9);
    iotc_mqtt_publish pub;
    CHECK(iotc_mqtt_publish_get(&p, &pub) == IOTC_OK);
    CHECK(pub.qos == 0 && !pub.dup && !pub.retain && pub.packet_id == 0);
    CHECK(SLICE_IS(pub.topic, "a/b") && SLICE_IS(pub.payload, "hi"));
    CHECK(iotc_mqtt_connect_get(&p, &c) == IOTC_ERR_WRONG_TYPE);
    at += n;
    CHECK(iotc_mqtt_decode(&d, b + at, sizeof b - at, &p, &n, &exact, &e) == IOTC_INCOMPLETE);
    CHECK(n == 1 && !exact);
    const uint8_t pub_head[] = {0x32, 0x0a, 0x00};
    CHECK(iotc_mqtt_decode(&d, pub_head, sizeof pub_head, &p, &n, &exact, &e) == IOTC_INCOMPLETE);
    CHECK(n == 9 && exact);
    /* Maximum packet size, from the fixed header alone. */
    iotc_mqtt_decoder small;
    CHECK(iotc_mqtt_decoder_init(&small, 4, 8) == IOTC_OK);
    CHECK(iotc_mqtt_decode(&small, pub_head, 2, &p, &n, &exact, &e) == IOTC_MQTT_PACKET_TOO_LARGE);
    CHECK(iotc_mqtt_decoder_init(&small, 6, 0) == IOTC_ERR_INVALID_ARGUMENT);
}

static void malformed(void) {
    iotc_mqtt_decoder d;
    iotc_mqtt_packet p;
    iotc_error e;
    size_t n;
    bool exact;
    CHECK(iotc_mqtt_decoder_init(&d, 5, 0) == IOTC_OK);
    /* A PUBLISH whose topic holds a wildcard [MQTT-3.3.2-2]: reason 0x90 (Topic Name invalid). */
    const uint8_t wild[] = {0x30, 0x06, 0x00, 0x03, 'a', '/', '#', 0x00};
    CHECK(iotc_mqtt_decode(&d, wild, sizeof wild, &p, &n, &exact, &e) == IOTC_MQTT_WILDCARD_IN_TOPIC_NAME);
    CHECK(e.offset == 6 && e.reason_code == 0x90); /* the offset of the wildcard */
    /* Packet type 0. */
    const uint8_t zero[] = {0x00, 0x00};
    CHECK(iotc_mqtt_decode(&d, zero, sizeof zero, &p, &n, &exact, &e) == IOTC_MQTT_RESERVED_PACKET_TYPE);
}

static iotc_mqtt_packet decode_one(const uint8_t *b, size_t len, uint8_t level) {
    iotc_mqtt_decoder d;
    iotc_mqtt_packet p;
    size_t n = 0;
    iotc_error e;
    CHECK(iotc_mqtt_decoder_init(&d, level, 0) == IOTC_OK);
    iotc_status s = iotc_mqtt_decode(&d, b, len, &p, &n, NULL, &e);
    if (s != IOTC_OK) fprintf(stderr, "decode: %s at byte %zu\n", iotc_status_str(s), e.offset);
    CHECK(s == IOTC_OK);
    CHECK(n == len);
    return p;
}

static void serializers(void) {
    uint8_t buf[256], props[64];
    size_t len = 0, plen = 0, k = 0;

    /* v5 properties: Content Type and a User Property, written then iterated. */
    iotc_mqtt_prop_value v = {IOTC_MQTT_PROP_STRING, 0, S("text/plain"), {NULL, 0}};
    CHECK(iotc_mqtt_prop_write(props, sizeof props, 0x03, &v, &k) == IOTC_OK);
    plen += k;
    iotc_mqtt_prop_value pair = {IOTC_MQTT_PROP_PAIR, 0, S("site"), S("lab")};
    CHECK(iotc_mqtt_prop_write(props + plen, sizeof props - plen, 0x26, &pair, &k) == IOTC_OK);
    plen += k;
    iotc_mqtt_prop_value bad = {IOTC_MQTT_PROP_INTEGER, 70000, {NULL, 0}, {NULL, 0}};
    CHECK(iotc_mqtt_prop_write(props, sizeof props, 0x21, &bad, &k) == IOTC_ERR_INVALID_ARGUMENT);

    iotc_mqtt_publish pub = {false, 1, true, 7, S("sensors/t1"), {{props, plen}, IOTC_MQTT_CTX_PUBLISH}, S("21.5")};
    CHECK(iotc_mqtt_serialize_publish(buf, sizeof buf, 5, &pub, &len) == IOTC_OK);
    iotc_mqtt_packet p = decode_one(buf, len, 5);
    iotc_mqtt_publish got;
    CHECK(iotc_mqtt_publish_get(&p, &got) == IOTC_OK);
    CHECK(got.qos == 1 && got.retain && got.packet_id == 7 && SLICE_IS(got.topic, "sensors/t1") && SLICE_IS(got.payload, "21.5"));
    iotc_mqtt_prop_iter it;
    uint8_t id;
    iotc_mqtt_prop_value val;
    CHECK(iotc_mqtt_prop_iter_init(&got.properties, &it) == IOTC_OK);
    CHECK(iotc_mqtt_prop_next(&it, &id, &val) == IOTC_OK && id == 0x03 && val.kind == IOTC_MQTT_PROP_STRING && SLICE_IS(val.data, "text/plain"));
    CHECK(iotc_mqtt_prop_next(&it, &id, &val) == IOTC_OK && id == 0x26 && SLICE_IS(val.data, "site") && SLICE_IS(val.data2, "lab"));
    CHECK(iotc_mqtt_prop_next(&it, &id, &val) == IOTC_END);
    /* Short buffer, bad topic, QoS 1 without packet id. */
    CHECK(iotc_mqtt_serialize_publish(buf, len - 1, 5, &pub, &k) == IOTC_ERR_BUFFER_TOO_SMALL);
    pub.topic = S("a/+");
    CHECK(iotc_mqtt_serialize_publish(buf, sizeof buf, 5, &pub, &k) == IOTC_MQTT_WILDCARD_IN_TOPIC_NAME);
    pub.topic = S("a");
    pub.packet_id = 0;
    CHECK(iotc_mqtt_serialize_publish(buf, sizeof buf, 5, &pub, &k) == IOTC_MQTT_ZERO_PACKET_IDENTIFIER);

    /* CONNECT 3.1.1 with a Will, user name and password. */
    iotc_mqtt_connect c;
    memset(&c, 0, sizeof c);
    c.level = 4;
    c.clean_start = true;
    c.keep_alive = 30;
    c.client_id = S("dev-1");
    c.has_will = true;
    c.will_qos = 1;
    c.will_topic = S("dev/1/status");
    c.will_payload = S("offline");
    c.has_username = true;
    c.username = S("u");
    c.has_password = true;
    c.password = S("pw");
    c.will_topic = S("dev/+/status");
    CHECK(iotc_mqtt_serialize_connect(buf, sizeof buf, &c, &len) == IOTC_MQTT_WILDCARD_IN_TOPIC_NAME);
    c.will_topic = S("dev/1/status");
    CHECK(iotc_mqtt_serialize_connect(buf, sizeof buf, &c, &len) == IOTC_OK);
    p = decode_one(buf, len, 4);
    iotc_mqtt_connect cc;
    CHECK(iotc_mqtt_connect_get(&p, &cc) == IOTC_OK);
    CHECK(cc.keep_alive == 30 && SLICE_IS(cc.client_id, "dev-1") && cc.has_will && cc.will_qos == 1);
    CHECK(SLICE_IS(cc.will_topic, "dev/1/status") && SLICE_IS(cc.will_payload, "offline"));
    CHECK(SLICE_IS(cc.username, "u") && SLICE_IS(cc.password, "pw"));

    /* CONNACK, the four acknowledgements, SUBSCRIBE/SUBACK, UNSUBSCRIBE/UNSUBACK, PING, DISCONNECT. */
    CHECK(iotc_mqtt_serialize_connack(buf, sizeof buf, 5, true, 0x00, NULL, &len) == IOTC_OK);
    p = decode_one(buf, len, 5);
    iotc_mqtt_connack ca;
    CHECK(iotc_mqtt_connack_get(&p, &ca) == IOTC_OK && ca.session_present && ca.reason_code == 0);
    for (uint8_t t = 4; t <= 7; t++) {
        CHECK(iotc_mqtt_serialize_ack(buf, sizeof buf, 5, t, 42, t == 5 ? 0x10 : 0, NULL, &len) == IOTC_OK);
        p = decode_one(buf, len, 5);
        iotc_mqtt_ack a;
        CHECK(p.type_ == t && iotc_mqtt_ack_get(&p, &a) == IOTC_OK && a.packet_id == 42);
        CHECK(a.reason_code == (t == 5 ? 0x10 : 0));
    }
    CHECK(iotc_mqtt_serialize_ack(buf, sizeof buf, 4, 8, 1, 0, NULL, &len) == IOTC_ERR_INVALID_ARGUMENT);
    CHECK(iotc_mqtt_serialize_ack(buf, sizeof buf, 4, 4, 0, 0, NULL, &len) == IOTC_MQTT_ZERO_PACKET_IDENTIFIER);

    iotc_mqtt_subscription subs[2] = {{S("a/+/c"), 1}, {S("$share/g/x/#"), 2}};
    CHECK(iotc_mqtt_serialize_subscribe(buf, sizeof buf, 5, 9, NULL, subs, 2, &len) == IOTC_OK);
    p = decode_one(buf, len, 5);
    iotc_mqtt_list_packet l;
    CHECK(iotc_mqtt_list_get(&p, &l) == IOTC_OK && l.packet_id == 9 && l.with_options);
    iotc_mqtt_filter_iter fi;
    iotc_slice f;
    uint8_t o = 0;
    CHECK(iotc_mqtt_filter_iter_init(&l, &fi) == IOTC_OK);
    CHECK(iotc_mqtt_filter_next(&fi, &f, &o) == IOTC_OK && SLICE_IS(f, "a/+/c") && o == 1);
    CHECK(iotc_mqtt_filter_next(&fi, &f, &o) == IOTC_OK && SLICE_IS(f, "$share/g/x/#") && o == 2);
    CHECK(iotc_mqtt_filter_next(&fi, &f, &o) == IOTC_END);
    iotc_mqtt_subscription badsub = {S("a/#/b"), 0};
    CHECK(iotc_mqtt_serialize_subscribe(buf, sizeof buf, 5, 9, NULL, &badsub, 1, &len) == IOTC_MQTT_INVALID_WILDCARD);
    CHECK(iotc_mqtt_serialize_subscribe(buf, sizeof buf, 5, 9, NULL, subs, 0, &len) == IOTC_MQTT_NO_TOPIC_FILTERS);

    const uint8_t codes[] = {0x01, 0x80};
    CHECK(iotc_mqtt_serialize_suback(buf, sizeof buf, 5, 9, NULL, codes, 2, &len) == IOTC_OK);
    p = decode_one(buf, len, 5);
    CHECK(iotc_mqtt_list_get(&p, &l) == IOTC_OK && l.list.len == 2 && l.list.ptr[1] == 0x80);

    iotc_slice filters[1] = {S("a/+/c")};
    CHECK(iotc_mqtt_serialize_unsubscribe(buf, sizeof buf, 4, 10, NULL, filters, 0, &len) == IOTC_MQTT_NO_TOPIC_FILTERS);
    CHECK(iotc_mqtt_serialize_unsubscribe(buf, sizeof buf, 4, 0, NULL, filters, 1, &len) == IOTC_MQTT_ZERO_PACKET_IDENTIFIER);
    CHECK(iotc_mqtt_serialize_unsubscribe(buf, sizeof buf, 4, 10, NULL, filters, 1, &len) == IOTC_OK);
    p = decode_one(buf, len, 4);
    CHECK(iotc_mqtt_list_get(&p, &l) == IOTC_OK && l.packet_id == 10 && !l.with_options);
    CHECK(iotc_mqtt_filter_iter_init(&l, &fi) == IOTC_OK);
    CHECK(iotc_mqtt_filter_next(&fi, &f, NULL) == IOTC_OK && SLICE_IS(f, "a/+/c"));
    /* 0x01 is a SUBACK code, not an UNSUBACK one: refused, as the decoder would refuse it. */
    CHECK(iotc_mqtt_serialize_unsuback(buf, sizeof buf, 5, 10, NULL, codes, 1, &len) == IOTC_MQTT_INVALID_REASON_CODE);
    const uint8_t none[] = {0x11};
    CHECK(iotc_mqtt_serialize_unsuback(buf, sizeof buf, 5, 10, NULL, none, 1, &len) == IOTC_OK);
    p = decode_one(buf, len, 5);
    CHECK(p.type_ == 11 && iotc_mqtt_list_get(&p, &l) == IOTC_OK && l.list.len == 1);

    CHECK(iotc_mqtt_serialize_ping(buf, sizeof buf, 12, &len) == IOTC_OK && len == 2 && buf[0] == 0xc0);
    CHECK(iotc_mqtt_serialize_ping(buf, sizeof buf, 13, &len) == IOTC_OK && buf[0] == 0xd0);
    CHECK(iotc_mqtt_serialize_reason(buf, sizeof buf, 5, 14, 0x04, NULL, &len) == IOTC_OK);
    p = decode_one(buf, len, 5);
    iotc_mqtt_reason_packet r;
    CHECK(iotc_mqtt_reason_get(&p, &r) == IOTC_OK && r.reason_code == 0x04);
    CHECK(iotc_mqtt_serialize_reason(buf, sizeof buf, 4, 15, 0, NULL, &len) == IOTC_ERR_INVALID_ARGUMENT);
}

static void topics(void) {
    bool m = false;
    CHECK(iotc_mqtt_topic_name_check((const uint8_t *)"a/b", 3) == IOTC_OK);
    CHECK(iotc_mqtt_topic_name_check((const uint8_t *)"a/#", 3) == IOTC_MQTT_WILDCARD_IN_TOPIC_NAME);
    CHECK(iotc_mqtt_topic_name_check((const uint8_t *)"", 0) == IOTC_MQTT_EMPTY_TOPIC);
    CHECK(iotc_mqtt_topic_filter_check((const uint8_t *)"a/#/b", 5) == IOTC_MQTT_INVALID_WILDCARD);
    CHECK(iotc_mqtt_topic_matches((const uint8_t *)"a/+/c", 5, (const uint8_t *)"a/b/c", 5, &m) == IOTC_OK && m);
    CHECK(iotc_mqtt_topic_matches((const uint8_t *)"#", 1, (const uint8_t *)"$SYS/x", 6, &m) == IOTC_OK && !m);
    CHECK(iotc_mqtt_topic_name_check((const uint8_t *)"\xff", 1) == IOTC_ERR_INVALID_UTF8);
}

static void nulls(void) {
    iotc_mqtt_packet p;
    CHECK(iotc_mqtt_decode(NULL, NULL, 0, &p, NULL, NULL, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_mqtt_publish_get(NULL, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_mqtt_serialize_publish(NULL, 10, 4, NULL, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_mqtt_serialize_connect(NULL, 0, NULL, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_mqtt_topic_matches(NULL, 1, NULL, 1, NULL) == IOTC_ERR_NULL);
    CHECK(iotc_mqtt_prop_next(NULL, NULL, NULL) == IOTC_ERR_NULL);
}

int main(void) {
    stream();
    malformed();
    serializers();
    topics();
    nulls();
    DONE("test_mqtt");
}
