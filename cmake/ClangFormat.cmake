# Formatting with clang-format and the rules in .clang-format:
#
#   cmake --build build --target format         formats every .cpp and .h under core, ui, tools
#                                               and tests in place
#   cmake --build build --target format_check   changes nothing; fails and lists the files that
#                                               are not formatted
#
# The files are found when the target runs, so a new file needs no new configure. Neither
# target is part of the normal build. Without clang-format both only say so (and fail, so
# that nobody takes an unformatted tree for a checked one); the rest of the build is
# unaffected. The rules were measured with clang-format 14: another major version may format
# some lines differently, so use 14 for the project's formatting.
#
# The same file is the script the targets run (cmake -P, with MODE, CLANG_FORMAT and
# SOURCE_DIR set).

set(TELLER_FORMAT_DIRS core ui tools tests)

if(CMAKE_SCRIPT_MODE_FILE)
    set(files)
    foreach(dir IN LISTS TELLER_FORMAT_DIRS)
        file(GLOB_RECURSE found LIST_DIRECTORIES false RELATIVE "${SOURCE_DIR}"
             "${SOURCE_DIR}/${dir}/*.cpp" "${SOURCE_DIR}/${dir}/*.h")
        list(APPEND files ${found})
    endforeach()
    list(SORT files)
    list(LENGTH files count)

    if(MODE STREQUAL "format")
        # One call per file: a long list of arguments never hits a command-line limit.
        foreach(f IN LISTS files)
            execute_process(COMMAND "${CLANG_FORMAT}" --style=file -i "${f}"
                            WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc)
            if(NOT rc EQUAL 0)
                message(FATAL_ERROR "clang-format failed on ${f}")
            endif()
        endforeach()
        message(STATUS "Formatted ${count} files.")
    elseif(MODE STREQUAL "check")
        set(unformatted)
        foreach(f IN LISTS files)
            execute_process(COMMAND "${CLANG_FORMAT}" --style=file --dry-run --Werror --ferror-limit=1 "${f}"
                            WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
            if(NOT rc EQUAL 0)
                list(APPEND unformatted "${f}")
            endif()
        endforeach()
        if(unformatted)
            list(LENGTH unformatted bad)
            list(JOIN unformatted "\n  " listed)
            message(FATAL_ERROR "${bad} of ${count} files are not formatted (cmake --build <dir> --target format fixes them):\n  ${listed}")
        endif()
        message(STATUS "All ${count} files are formatted.")
    else()
        message(FATAL_ERROR "ClangFormat.cmake: MODE must be format or check")
    endif()
    return()
endif()

find_program(TELLER_CLANG_FORMAT NAMES clang-format-14 clang-format
             DOC "clang-format for the format and format_check targets")

if(TELLER_CLANG_FORMAT)
    execute_process(COMMAND "${TELLER_CLANG_FORMAT}" --version OUTPUT_VARIABLE version_text
                    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(NOT version_text MATCHES "version 14\\.")
        message(STATUS "${TELLER_CLANG_FORMAT} is not clang-format 14 (${version_text}); "
                       "format and format_check may disagree with the rules as measured")
    endif()
    foreach(mode IN ITEMS format check)
        if(mode STREQUAL "format")
            set(target format)
            set(comment "Formatting core, ui, tools and tests with clang-format")
        else()
            set(target format_check)
            set(comment "Checking the formatting of core, ui, tools and tests")
        endif()
        add_custom_target(${target}
            COMMAND ${CMAKE_COMMAND} -DMODE=${mode} -DCLANG_FORMAT=${TELLER_CLANG_FORMAT}
                    -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -P ${CMAKE_CURRENT_LIST_FILE}
            COMMENT "${comment}"
            VERBATIM)
    endforeach()
else()
    message(STATUS "clang-format not found: the format and format_check targets only say so "
                   "(on Debian: apt-get install clang-format)")
    foreach(target IN ITEMS format format_check)
        add_custom_target(${target}
            COMMAND ${CMAKE_COMMAND} -E echo "clang-format is not installed (on Debian: apt-get install clang-format); nothing was done."
            COMMAND ${CMAKE_COMMAND} -E false
            VERBATIM)
    endforeach()
endif()
