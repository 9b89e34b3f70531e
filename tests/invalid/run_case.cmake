# Runs one invalid-content case through the real command and compares.
#
#   cmake -DGONGKAI=<gongkai binary> -DCASE_DIR=<tests/invalid/case>
#         -DACTUAL_DIR=<scratch folder> -P run_case.cmake
#
# In CASE_DIR it runs `gongkai check --content content` plus the words of
# the optional file `args` (such as --strict), so paths print as
# `content/...`. It then requires:
#   - stderr equal, byte for byte, to `expected.stderr`;
#   - the exit status equal to 1, or to the number in `expected.status`;
#   - nothing on stdout.
# With GONGKAI_BLESS=1 in the environment it writes `expected.stderr` from
# the actual run instead (the exit status is still checked: review it).
cmake_minimum_required(VERSION 3.25)

foreach(var GONGKAI CASE_DIR ACTUAL_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_case.cmake needs -D${var}=...")
  endif()
endforeach()

set(args "")
if(EXISTS "${CASE_DIR}/args")
  file(READ "${CASE_DIR}/args" args_text)
  string(STRIP "${args_text}" args_text)
  separate_arguments(args UNIX_COMMAND "${args_text}")
endif()

set(expected_status 1)
if(EXISTS "${CASE_DIR}/expected.status")
  file(READ "${CASE_DIR}/expected.status" expected_status)
  string(STRIP "${expected_status}" expected_status)
endif()

execute_process(
  COMMAND "${GONGKAI}" check --content content ${args}
  WORKING_DIRECTORY "${CASE_DIR}"
  RESULT_VARIABLE status
  OUTPUT_VARIABLE actual_stdout
  ERROR_VARIABLE actual_stderr
  TIMEOUT 60)

file(MAKE_DIRECTORY "${ACTUAL_DIR}")
set(actual_file "${ACTUAL_DIR}/actual.stderr")
file(WRITE "${actual_file}" "${actual_stderr}")

set(failures "")
if(NOT "${status}" STREQUAL "${expected_status}")
  string(APPEND failures "exit status ${status}, expected ${expected_status}\n")
endif()
if(NOT "${actual_stdout}" STREQUAL "")
  string(APPEND failures "unexpected output on stdout:\n${actual_stdout}\n")
endif()

set(expected_file "${CASE_DIR}/expected.stderr")
if("$ENV{GONGKAI_BLESS}" STREQUAL "1")
  file(WRITE "${expected_file}" "${actual_stderr}")
  message(STATUS "blessed ${expected_file}")
elseif(NOT EXISTS "${expected_file}")
  string(APPEND failures "no expected.stderr: run with GONGKAI_BLESS=1 to write it, then review it\n")
else()
  file(READ "${expected_file}" expected_stderr)
  if(NOT "${actual_stderr}" STREQUAL "${expected_stderr}")
    set(diff_text "")
    find_program(DIFF_PROGRAM diff)
    if(DIFF_PROGRAM)
      execute_process(
        COMMAND "${DIFF_PROGRAM}" -u --label expected.stderr --label actual.stderr "${expected_file}" "${actual_file}"
        OUTPUT_VARIABLE diff_text)
    else()
      set(diff_text "--- expected.stderr\n${expected_stderr}\n+++ actual.stderr\n${actual_stderr}\n")
    endif()
    string(APPEND failures "stderr differs from expected.stderr:\n${diff_text}"
                           "(re-bless after review: GONGKAI_BLESS=1 ctest -R 'invalid/')\n")
  endif()
endif()

if(NOT "${failures}" STREQUAL "")
  # NOTICE prints the text as it is; FATAL_ERROR would re-wrap the diff.
  message(NOTICE "${failures}")
  message(FATAL_ERROR "invalid case ${CASE_DIR} failed")
endif()
