# Builds the demo portal with the real command and compares chosen output
# files byte for byte with their golden copies.
#
#   cmake -DGONGKAI=<binary> -DCONTENT_DIR=<content> -DGOLDEN_DIR=<tests/golden>
#         -DACTUAL_DIR=<scratch folder> -P run_golden.cmake
#
# The files are listed in GOLDEN_DIR/files.txt; their copies live in
# GOLDEN_DIR/expected/<same path>. Output is deterministic (no clock, no
# host names), so nothing is normalised. With GONGKAI_BLESS=1 the copies are
# rewritten from the build instead: review the diff before committing.
cmake_minimum_required(VERSION 3.25)

foreach(var GONGKAI CONTENT_DIR GOLDEN_DIR ACTUAL_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_golden.cmake needs -D${var}=...")
  endif()
endforeach()

set(site "${ACTUAL_DIR}/site")
file(REMOVE_RECURSE "${ACTUAL_DIR}")
file(MAKE_DIRECTORY "${ACTUAL_DIR}")
execute_process(
  COMMAND "${GONGKAI}" build --content "${CONTENT_DIR}" --out "${site}" --quiet
  RESULT_VARIABLE status
  ERROR_VARIABLE build_stderr
  TIMEOUT 120)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gongkai build failed (${status}):\n${build_stderr}")
endif()

file(STRINGS "${GOLDEN_DIR}/files.txt" lines ENCODING UTF-8)
set(failures "")
set(count 0)
foreach(line IN LISTS lines)
  string(STRIP "${line}" path)
  if(path STREQUAL "" OR path MATCHES "^#")
    continue()
  endif()
  math(EXPR count "${count} + 1")
  set(actual "${site}/${path}")
  set(expected "${GOLDEN_DIR}/expected/${path}")
  if(NOT EXISTS "${actual}")
    string(APPEND failures "${path}: not written by the build\n")
    continue()
  endif()
  if("$ENV{GONGKAI_BLESS}" STREQUAL "1")
    get_filename_component(folder "${expected}" DIRECTORY)
    file(MAKE_DIRECTORY "${folder}")
    file(COPY_FILE "${actual}" "${expected}")
    continue()
  endif()
  if(NOT EXISTS "${expected}")
    string(APPEND failures "${path}: no golden copy (GONGKAI_BLESS=1 ctest -R golden/ writes it; review it)\n")
    continue()
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${expected}" "${actual}" RESULT_VARIABLE differs)
  if(differs)
    set(diff_text "")
    find_program(DIFF_PROGRAM diff)
    if(DIFF_PROGRAM)
      execute_process(COMMAND "${DIFF_PROGRAM}" -u --label "expected/${path}" --label "actual/${path}"
                              "${expected}" "${actual}"
                      OUTPUT_VARIABLE diff_text)
      string(LENGTH "${diff_text}" length)
      if(length GREATER 6000)
        string(SUBSTRING "${diff_text}" 0 6000 diff_text)
        string(APPEND diff_text "\n[... diff cut; compare ${expected} with ${actual}]\n")
      endif()
    endif()
    string(APPEND failures "${path} differs from its golden copy:\n${diff_text}\n")
  endif()
endforeach()

if(count EQUAL 0)
  message(FATAL_ERROR "files.txt lists no files")
endif()
if("$ENV{GONGKAI_BLESS}" STREQUAL "1")
  message(STATUS "blessed ${count} golden files in ${GOLDEN_DIR}/expected")
elseif(NOT failures STREQUAL "")
  message(NOTICE "${failures}(re-bless after review: GONGKAI_BLESS=1 ctest -R golden/)")
  message(FATAL_ERROR "golden files differ")
endif()
