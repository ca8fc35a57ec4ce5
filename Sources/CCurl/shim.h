// libcurl for the HTTP helper. curl_easy_setopt and curl_easy_getinfo are variadic, which Swift does not
// import: each kind of argument gets a typed wrapper.
#ifndef RESONANCE_CCURL_SHIM_H
#define RESONANCE_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*resonance_curl_write_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*resonance_curl_progress_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                                curl_off_t upload_total, curl_off_t upload_now);

static inline CURLcode resonance_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode resonance_curl_set_offset(CURL *curl, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode resonance_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode resonance_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode resonance_curl_set_write(CURL *curl, CURLoption option, resonance_curl_write_callback callback) {
    return curl_easy_setopt(curl, option, callback);
}

static inline CURLcode resonance_curl_set_progress(CURL *curl, resonance_curl_progress_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode resonance_curl_get_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}

static inline CURLcode resonance_curl_get_string(CURL *curl, CURLINFO info, char **value) {
    return curl_easy_getinfo(curl, info, value);
}

#endif
