/* An MQTT client over a POSIX TCP socket built on libiotcodec: CONNECT, SUBSCRIBE to a topic,
 * PUBLISH to it at QoS 1, wait for the broker to deliver it back, acknowledge, DISCONNECT.
 * Loopback only; gives up after 10 seconds.
 *
 *   mqtt_client PORT TOPIC MESSAGE [LEVEL]   (LEVEL 4 for 3.1.1, the default, or 5)
 */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "iotcodec.h"

static iotc_slice S(const char *s) {
    iotc_slice x = {(const uint8_t *)s, strlen(s)};
    return x;
}

static int fd;
static uint8_t in[4096];
static size_t have;

static int send_all(const uint8_t *b, size_t n) {
    return send(fd, b, n, 0) == (ssize_t)n;
}

/* The next packet from the broker: reads until the decoder has one (or gives up). */
static int next_packet(iotc_mqtt_decoder *d, iotc_mqtt_packet *p, size_t *used) {
    for (;;) {
        size_t n = 0;
        bool exact = false;
        iotc_error e;
        iotc_status s = iotc_mqtt_decode(d, in, have, p, &n, &exact, &e);
        if (s == IOTC_OK) {
            *used = n;
            return 1;
        }
        if (s != IOTC_INCOMPLETE) {
            fprintf(stderr, "bad packet: %s at byte %zu\n", iotc_status_str(s), e.offset);
            return 0;
        }
        ssize_t r = recv(fd, in + have, sizeof in - have, 0);
        if (r <= 0) return 0;
        have += (size_t)r;
    }
}

static void consume(size_t n) {
    memmove(in, in + n, have - n);
    have -= n;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s PORT TOPIC MESSAGE [LEVEL]\n", argv[0]);
        return 2;
    }
    uint8_t level = argc > 4 ? (uint8_t)atoi(argv[4]) : 4;
    fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)atoi(argv[1]));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("connect");
        return 1;
    }
    uint8_t out[1024];
    size_t len = 0, used = 0;
    iotc_mqtt_connect c;
    memset(&c, 0, sizeof c);
    c.level = level;
    c.clean_start = true;
    c.keep_alive = 30;
    c.client_id = S("iotcodec-example");
    if (iotc_mqtt_serialize_connect(out, sizeof out, &c, &len) != IOTC_OK || !send_all(out, len)) return 1;

    iotc_mqtt_decoder d;
    iotc_mqtt_decoder_init(&d, level, sizeof in);
    iotc_mqtt_packet p;
    iotc_mqtt_connack ca;
    if (!next_packet(&d, &p, &used) || iotc_mqtt_connack_get(&p, &ca) != IOTC_OK || ca.reason_code != 0) {
        fprintf(stderr, "not connected\n");
        return 1;
    }
    consume(used);
    printf("connected (MQTT level %u)\n", level);

    iotc_mqtt_subscription sub = {S(argv[2]), 1};
    if (iotc_mqtt_serialize_subscribe(out, sizeof out, level, 1, NULL, &sub, 1, &len) != IOTC_OK || !send_all(out, len)) return 1;
    iotc_mqtt_list_packet l;
    if (!next_packet(&d, &p, &used) || p.type_ != 9 || iotc_mqtt_list_get(&p, &l) != IOTC_OK || l.list.ptr[0] > 2) {
        fprintf(stderr, "subscription refused\n");
        return 1;
    }
    consume(used);
    printf("subscribed to %s (granted QoS %u)\n", argv[2], l.list.ptr[0]);

    iotc_mqtt_publish pub;
    memset(&pub, 0, sizeof pub);
    pub.qos = 1;
    pub.packet_id = 2;
    pub.topic = S(argv[2]);
    pub.payload = S(argv[3]);
    if (iotc_mqtt_serialize_publish(out, sizeof out, level, &pub, &len) != IOTC_OK || !send_all(out, len)) return 1;

    int acked = 0, received = 0;
    while (!(acked && received)) {
        if (!next_packet(&d, &p, &used)) {
            fprintf(stderr, "connection ended early\n");
            return 1;
        }
        if (p.type_ == 4) {
            acked = 1;
        } else if (p.type_ == 3) {
            iotc_mqtt_publish got;
            if (iotc_mqtt_publish_get(&p, &got) != IOTC_OK) return 1;
            printf("received on %.*s: %.*s\n", (int)got.topic.len, (const char *)got.topic.ptr,
                   (int)got.payload.len, (const char *)got.payload.ptr);
            if (got.qos == 1) {
                size_t alen = 0;
                uint8_t ack[8];
                iotc_mqtt_serialize_ack(ack, sizeof ack, level, 4, got.packet_id, 0, NULL, &alen);
                send_all(ack, alen);
            }
            received = 1;
        }
        consume(used);
    }
    iotc_mqtt_serialize_reason(out, sizeof out, level, 14, 0, NULL, &len);
    send_all(out, len);
    close(fd);
    return 0;
}
