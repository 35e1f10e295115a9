# One INTERFACE target carries every warning and Qt strictness define; every target links it.
add_library(teller_cfg INTERFACE)

target_compile_definitions(teller_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    TELLER_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(teller_cfg INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
        -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
        -Wfloat-conversion -Wdouble-promotion -Wold-style-cast)
    # Hardening for a program that moves money.
    target_compile_options(teller_cfg INTERFACE
        $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>
        -fstack-protector-strong)
    # Full RELRO: the dynamic relocations are resolved at start and made read-only.
    if(NOT APPLE)
        target_link_options(teller_cfg INTERFACE -Wl,-z,relro -Wl,-z,now)
    endif()
    if(TELLER_WERROR)
        target_compile_options(teller_cfg INTERFACE -Werror)
    endif()
    if(TELLER_SANITIZERS)
        target_compile_options(teller_cfg INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(teller_cfg INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(teller_cfg INTERFACE /W4 /permissive- /utf-8)
endif()
