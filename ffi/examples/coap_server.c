/* A CoAP server over POSIX UDP built on libiotcodec: GET /hello, /time and /.well-known/core (with
 * Block2 for the link-format payload), 4.04 for the rest, 4.02/4.00/Reset for what the codec refuses.
 * Loopback only; stops after MAX requests or when nothing arrives for 10 seconds.
 *
 *   coap_server PORT [MAX]
 */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "iotcodec.h"

#define CT_TEXT 0
#define CT_LINK_FORMAT 40

static iotc_lf_out_attr hello_attrs[] = {
    {{(const uint8_t *)"rt", 2}, IOTC_LF_QUOTED, {(const uint8_t *)"greeting", 8}, 0},
    {{(const uint8_t *)"ct", 2}, IOTC_LF_UINT, {NULL, 0}, CT_TEXT}};
static iotc_lf_out_attr time_attrs[] = {
    {{(const uint8_t *)"rt", 2}, IOTC_LF_QUOTED, {(const uint8_t *)"clock", 5}, 0},
    {{(const uint8_t *)"title", 5}, IOTC_LF_QUOTED, {(const uint8_t *)"Current time (UTC)", 18}, 0},
    {{(const uint8_t *)"ct", 2}, IOTC_LF_UINT, {NULL, 0}, CT_TEXT}};
static iotc_lf_out_link links[] = {
    {{(const uint8_t *)"/hello", 6}, hello_attrs, 2},
    {{(const uint8_t *)"/time", 5}, time_attrs, 3}};

/* Whether the Uri-Path options of m are exactly the segments of path ("a/b"). */
static int path_is(const iotc_coap_msg *m, const char *path) {
    iotc_coap_opt_iter it;
    uint16_t n;
    iotc_slice seg;
    iotc_coap_opt_iter_init(m, 11, &it);
    const char *p = path;
    while (iotc_coap_opt_next(&it, &n, &seg) == IOTC_OK) {
        size_t len = strcspn(p, "/");
        if (len != seg.len || memcmp(p, seg.ptr, len) != 0) return 0;
        p += len;
        if (*p == '/') p++;
    }
    return *p == '\0';
}

/* Starts the response to m: a piggybacked ACK for a CON, a NON for a NON. */
static int reply(iotc_coap_writer *w, uint8_t *buf, size_t cap, const iotc_coap_msg *m, uint8_t code) {
    uint8_t type = m->type_ == 0 ? 2 : 1;
    static uint16_t mid = 0x1000;
    uint16_t id = m->type_ == 0 ? m->message_id : mid++;
    return iotc_coap_writer_init(w, buf, cap, type, code, id, m->token.ptr, m->token.len) == IOTC_OK;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT [MAX]\n", argv[0]);
        return 2;
    }
    long max = argc > 2 ? atol(argv[2]) : 100;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)atoi(argv[1]));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("bind");
        return 1;
    }
    printf("listening on 127.0.0.1:%s\n", argv[1]);
    fflush(stdout);
    for (long served = 0; served < max;) {
        uint8_t in[1500], out[1500];
        struct sockaddr_in peer;
        socklen_t plen = sizeof peer;
        ssize_t n = recvfrom(fd, in, sizeof in, 0, (struct sockaddr *)&peer, &plen);
        if (n < 0) break; /* timeout: nothing more to serve */
        iotc_coap_msg m;
        iotc_error e;
        iotc_coap_writer w;
        iotc_status s = iotc_coap_parse(in, (size_t)n, IOTC_COAP_CHECK, &m, &e);
        if (s != IOTC_OK) {
            printf("refused: %s at byte %zu\n", iotc_status_str(s), e.offset);
            if (e.answer == IOTC_ANSWER_RESET && n >= 4) {
                /* Reset: an Empty RST echoing the message ID. */
                iotc_coap_writer_init(&w, out, sizeof out, 3, 0, (uint16_t)(in[2] << 8 | in[3]), NULL, 0);
                sendto(fd, out, w.len, 0, (struct sockaddr *)&peer, plen);
            } else if (e.answer == IOTC_ANSWER_BAD_OPTION || e.answer == IOTC_ANSWER_BAD_REQUEST) {
                /* The message decoded but broke a rule: parse it without the checks to answer it. */
                if (iotc_coap_parse(in, (size_t)n, IOTC_COAP_LENIENT_UTF8, &m, NULL) == IOTC_OK &&
                    reply(&w, out, sizeof out, &m, e.answer == IOTC_ANSWER_BAD_OPTION ? 0x82 : 0x80)) {
                    const char *why = iotc_status_str(s);
                    iotc_coap_writer_payload(&w, (const uint8_t *)why, strlen(why));
                    sendto(fd, out, w.len, 0, (struct sockaddr *)&peer, plen);
                }
            }
            served++;
            continue;
        }
        if (m.code == 0) {
            if (m.type_ == 0) { /* CoAP ping: answer with RST */
                iotc_coap_writer_init(&w, out, sizeof out, 3, 0, m.message_id, NULL, 0);
                sendto(fd, out, w.len, 0, (struct sockaddr *)&peer, plen);
            }
            continue;
        }
        served++;
        if (m.code != 0x01) {
            reply(&w, out, sizeof out, &m, 0x85); /* 4.05 Method Not Allowed */
        } else if (path_is(&m, "hello")) {
            reply(&w, out, sizeof out, &m, 0x45);
            iotc_coap_writer_add_uint(&w, 12, CT_TEXT);
            iotc_coap_writer_payload(&w, (const uint8_t *)"Hello from iotcodec", 19);
        } else if (path_is(&m, "time")) {
            char now[32];
            time_t t = time(NULL);
            strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
            reply(&w, out, sizeof out, &m, 0x45);
            iotc_coap_writer_add_uint(&w, 12, CT_TEXT);
            iotc_coap_writer_add_uint(&w, 14, 1);
            iotc_coap_writer_payload(&w, (const uint8_t *)now, strlen(now));
        } else if (path_is(&m, ".well-known/core")) {
            /* Block2 (RFC 7959): the requested block, or the whole payload if it fits in 64 bytes. */
            uint32_t block = 0;
            int has_block = iotc_coap_get_uint(&m, 23, &block) == IOTC_OK;
            uint32_t szx = has_block ? (block & 7) : 2;
            if (szx > 6) szx = 6;
            size_t size = (size_t)16 << szx, num = has_block ? block >> 4 : 0;
            uint8_t body[1024];
            iotc_lf_written lw;
            iotc_slice query;
            const uint8_t *q = NULL;
            size_t qlen = 0;
            if (iotc_coap_get_string(&m, 15, &query) == IOTC_OK) {
                q = query.ptr;
                qlen = query.len;
            }
            iotc_lf_write(links, 2, q, qlen, num * size, body, size, &lw);
            reply(&w, out, sizeof out, &m, 0x45);
            iotc_coap_writer_add_uint(&w, 12, CT_LINK_FORMAT);
            if (has_block || lw.more)
                iotc_coap_writer_add_uint(&w, 23, (uint32_t)(num << 4 | (lw.more ? 8u : 0u) | szx));
            iotc_coap_writer_payload(&w, body, lw.len);
        } else {
            reply(&w, out, sizeof out, &m, 0x84); /* 4.04 */
        }
        sendto(fd, out, w.len, 0, (struct sockaddr *)&peer, plen);
    }
    close(fd);
    return 0;
}
