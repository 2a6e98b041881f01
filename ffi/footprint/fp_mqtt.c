/* Footprint probe: a C program that decodes and encodes every MQTT 3.1.1 and 5.0 packet. */
#include <string.h>
#include "iotcodec.h"

int main(int argc, char **argv) {
    (void)argv;
    uint8_t buf[512];
    memset(buf, argc, sizeof buf);
    size_t n = 0, len = 0;
    int sum = 0;
    bool exact;
    iotc_error e;
    iotc_mqtt_decoder d;
    iotc_mqtt_packet p;
    iotc_mqtt_decoder_init(&d, (uint8_t)(3 + argc % 3), 0);
    if (iotc_mqtt_decode(&d, buf, sizeof buf, &p, &n, &exact, &e) == IOTC_OK) {
        iotc_mqtt_connect c;
        iotc_mqtt_connack ca;
        iotc_mqtt_publish pub;
        iotc_mqtt_ack a;
        iotc_mqtt_list_packet l;
        iotc_mqtt_reason_packet r;
        iotc_mqtt_filter_iter fi;
        iotc_mqtt_prop_iter pi;
        iotc_mqtt_prop_value pv;
        iotc_slice f;
        uint8_t o, id;
        sum += iotc_mqtt_connect_get(&p, &c) + iotc_mqtt_connack_get(&p, &ca) + iotc_mqtt_ack_get(&p, &a);
        sum += iotc_mqtt_reason_get(&p, &r);
        if (iotc_mqtt_publish_get(&p, &pub) == IOTC_OK) {
            iotc_mqtt_prop_iter_init(&pub.properties, &pi);
            while (iotc_mqtt_prop_next(&pi, &id, &pv) == IOTC_OK) sum += id;
        }
        if (iotc_mqtt_list_get(&p, &l) == IOTC_OK) {
            iotc_mqtt_filter_iter_init(&l, &fi);
            while (iotc_mqtt_filter_next(&fi, &f, &o) == IOTC_OK) sum += (int)f.len;
        }
    }
    uint8_t level = (uint8_t)(4 + argc % 2);
    iotc_slice topic = {buf, 3};
    iotc_mqtt_props props = {{buf, 0}, IOTC_MQTT_CTX_PUBLISH};
    iotc_mqtt_publish pub = {false, 1, false, 1, topic, props, topic};
    iotc_mqtt_connect c;
    memset(&c, 0, sizeof c);
    c.level = level;
    c.client_id = topic;
    iotc_mqtt_subscription sub = {topic, 1};
    uint8_t codes[1] = {0};
    sum += iotc_mqtt_serialize_connect(buf, sizeof buf, &c, &len);
    sum += iotc_mqtt_serialize_connack(buf, sizeof buf, level, false, 0, NULL, &len);
    sum += iotc_mqtt_serialize_publish(buf, sizeof buf, level, &pub, &len);
    sum += iotc_mqtt_serialize_ack(buf, sizeof buf, level, 4, 1, 0, NULL, &len);
    sum += iotc_mqtt_serialize_subscribe(buf, sizeof buf, level, 1, NULL, &sub, 1, &len);
    sum += iotc_mqtt_serialize_suback(buf, sizeof buf, level, 1, NULL, codes, 1, &len);
    sum += iotc_mqtt_serialize_unsubscribe(buf, sizeof buf, level, 1, NULL, &topic, 1, &len);
    sum += iotc_mqtt_serialize_unsuback(buf, sizeof buf, level, 1, NULL, codes, 1, &len);
    sum += iotc_mqtt_serialize_ping(buf, sizeof buf, 12, &len);
    sum += iotc_mqtt_serialize_reason(buf, sizeof buf, level, 14, 0, NULL, &len);
    return sum + (int)len;
}
