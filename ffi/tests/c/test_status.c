/* The ABI version, status names, and the layout of the structs (locked for LP64 targets). */
#include "iotcodec.h"
#include "check.h"

#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
_Static_assert(sizeof(iotc_slice) == 16, "iotc_slice layout");
_Static_assert(sizeof(iotc_error) == 16, "iotc_error layout");
_Static_assert(sizeof(iotc_coap_msg) == 72, "iotc_coap_msg layout");
_Static_assert(sizeof(iotc_coap_opt_iter) == 24, "iotc_coap_opt_iter layout");
_Static_assert(sizeof(iotc_coap_writer) == 32, "iotc_coap_writer layout");
_Static_assert(sizeof(iotc_mqtt_decoder) == 16, "iotc_mqtt_decoder layout");
_Static_assert(sizeof(iotc_mqtt_packet) == 24, "iotc_mqtt_packet layout");
_Static_assert(sizeof(iotc_mqtt_props) == 24, "iotc_mqtt_props layout");
_Static_assert(sizeof(iotc_mqtt_publish) == 64, "iotc_mqtt_publish layout");
_Static_assert(sizeof(iotc_lf_written) == 24, "iotc_lf_written layout");
#endif
_Static_assert(IOTC_OK == 0 && IOTC_INCOMPLETE == 1 && IOTC_ERR_NULL == 100, "status block");
_Static_assert(IOTC_COAP_MESSAGE_TOO_SHORT == 200 && IOTC_MQTT_RESERVED_PACKET_TYPE == 400, "status block");

int main(void) {
    CHECK(iotc_abi_version() == IOTC_ABI_VERSION);
    CHECK(strcmp(iotc_status_str(IOTC_OK), "success") == 0);
    CHECK(strcmp(iotc_status_str(IOTC_COAP_OPTION_VALUE_TRUNCATED), "CoAP: option value truncated") == 0);
    CHECK(strcmp(iotc_status_str(IOTC_MQTT_WILDCARD_IN_TOPIC_NAME), "MQTT: wildcard in topic name") == 0);
    CHECK(strcmp(iotc_status_str(123456), "unknown status") == 0);
    CHECK(strcmp(iotc_status_str(99), "unknown status") == 0);
    /* Every value of every block has a name or the unknown one; none is NULL. */
    for (unsigned s = 0; s < 1000; s++) CHECK(iotc_status_str(s) != NULL);
    DONE("test_status");
}
