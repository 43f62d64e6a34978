// The one translation unit that compiles Boost.Beast and Boost.Asio (separate compilation, see
// CMakeLists.txt); every other file sees only their declarations.
#include <utility>  // boost/asio/awaitable.hpp in Boost 1.74 uses std::exchange without it

#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
